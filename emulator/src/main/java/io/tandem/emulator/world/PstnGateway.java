package io.tandem.emulator.world;

import java.util.List;
import java.util.Locale;

/**
 * A tenant's Direct Routing trunk, as {@code New-CsOnlinePSTNGateway} configures it: the SBC's FQDN
 * and SIP signalling port, whether Teams pings it with OPTIONS, its concurrent-session limit,
 * whether Teams sends P-Asserted-Identity and History-Info to it, and the outbound failover rules
 * (defaults as Microsoft's: OPTIONS on, no PAI, no history, 10 s, 408/503/504).
 */
public record PstnGateway(
    String fqdn,
    int sipSignalingPort,
    Boolean sendSipOptions,
    Integer maxConcurrentSessions,
    Boolean forwardPai,
    Boolean forwardCallHistory,
    Integer failoverTimeSeconds,
    List<Integer> failoverResponseCodes) {

  public PstnGateway {
    Identifiers.requireNonBlank(fqdn, "gateway fqdn");
    fqdn = fqdn.toLowerCase(Locale.ROOT);
    if (sipSignalingPort < 1 || sipSignalingPort > 65535) {
      throw new IllegalArgumentException("sipSignalingPort out of range: " + sipSignalingPort);
    }
    if (maxConcurrentSessions != null && maxConcurrentSessions < 1) {
      throw new IllegalArgumentException("maxConcurrentSessions must be at least 1");
    }
    sendSipOptions = sendSipOptions == null || sendSipOptions;
    forwardPai = forwardPai != null && forwardPai;
    forwardCallHistory = forwardCallHistory != null && forwardCallHistory;
    if (failoverTimeSeconds == null) {
      failoverTimeSeconds = 10;
    }
    if (failoverTimeSeconds < 1) {
      throw new IllegalArgumentException("failoverTimeSeconds must be at least 1");
    }
    failoverResponseCodes =
        failoverResponseCodes == null ? List.of(408, 503, 504) : List.copyOf(failoverResponseCodes);
  }

  /** A gateway with Microsoft's defaults on {@code port}. */
  public static PstnGateway of(String fqdn, int port) {
    return new PstnGateway(fqdn, port, true, null, false, false, null, null);
  }
}
