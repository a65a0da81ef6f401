package io.tandem.emulator.directrouting;

import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OPTIONS freshness per SBC FQDN: an SBC is healthy while its last OPTIONS arrived within the last
 * three minutes (Microsoft expects one a minute); an unhealthy SBC is demoted (tried last for Teams
 * → SBC calls), never removed.
 */
public final class SbcHealth {

  /** Microsoft's freshness window. */
  public static final Duration FRESHNESS = Duration.ofMinutes(3);

  private final Scheduler clock;
  private final Map<String, Instant> lastOptions = new ConcurrentHashMap<>();

  public SbcHealth(Scheduler clock) {
    this.clock = clock;
  }

  /** Records an OPTIONS from {@code fqdn} now. */
  public void optionsReceived(String fqdn) {
    lastOptions.put(fqdn.toLowerCase(Locale.ROOT), clock.now());
  }

  public boolean healthy(String fqdn) {
    Instant last = lastOptions.get(fqdn.toLowerCase(Locale.ROOT));
    return last != null && !last.plus(FRESHNESS).isBefore(clock.now());
  }
}
