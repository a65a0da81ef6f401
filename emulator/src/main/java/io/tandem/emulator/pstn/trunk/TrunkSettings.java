package io.tandem.emulator.pstn.trunk;

import java.time.Duration;

/**
 * How simulated callers on carrier trunks behave, changeable while the emulator runs ({@code PUT
 * /emulator/pstn/trunk/settings}). Each key is documented once, with its default, in {@code
 * emulator/README.md}. The carrier's SIP port, host name, host map and TLS material are the Direct
 * Routing settings' {@code carrierPort}, {@code carrierHost}, {@code hostMap} and {@code tls}.
 *
 * @param callerAudio what a caller sends: {@code voice}, {@code silence}, {@code tone:<hz>} or a
 *     WAV path ({@code voice})
 * @param heardLimit how much of what a caller hears is kept for {@code heard.wav} (2 minutes); the
 *     statistics count the whole call
 * @param keyGap time between two keys of one scripted digit string (250 ms)
 */
public record TrunkSettings(String callerAudio, Duration heardLimit, Duration keyGap) {

  public TrunkSettings {
    CallerAudio.parse(callerAudio);
    if (heardLimit.isNegative() || heardLimit.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("heardLimit must be between PT0S and PT1H");
    }
    if (keyGap.compareTo(Duration.ofMillis(150)) < 0) {
      throw new IllegalArgumentException("keyGap must be at least PT0.15S (one RFC 4733 event)");
    }
  }

  /** A voice-like caller, two minutes of heard audio kept, keys 250 ms apart. */
  public static TrunkSettings defaults() {
    return new TrunkSettings("voice", Duration.ofMinutes(2), Duration.ofMillis(250));
  }
}
