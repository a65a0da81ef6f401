package io.tandem.sip.b2bua;

import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.tenant.Tenant;
import java.time.Duration;
import java.util.function.Function;

/**
 * How the Connect channel behaves. Each key is documented once, with its default, in {@code
 * server/README.md} ({@code tandem.sip.*}).
 *
 * @param entryFlow the virtual assistant every call starts in, chosen per tenant
 * @param userAgent the User-Agent of Tandem's requests
 * @param announcementInterval how often a queued caller hears their position between music
 */
public record ConnectSettings(
    Function<Tenant, ValidatedFlow> entryFlow, String userAgent, Duration announcementInterval) {

  public ConnectSettings {
    if (announcementInterval.isNegative() || announcementInterval.isZero()) {
      throw new IllegalArgumentException("announcementInterval must be positive");
    }
  }
}
