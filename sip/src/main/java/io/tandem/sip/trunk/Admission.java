package io.tandem.sip.trunk;

import org.jspecify.annotations.Nullable;

/**
 * What the plan decided about an INVITE: the trunk it arrived on, or the response that refuses it.
 *
 * @param trunk the trunk, null when refused
 * @param status 0 when admitted, else the SIP status to answer (403, 404, 503)
 * @param reason the reason phrase of the refusal
 */
public record Admission(@Nullable InboundTrunk trunk, int status, String reason) {

  static Admission admitted(InboundTrunk trunk) {
    return new Admission(trunk, 0, "");
  }

  static Admission refused(int status, String reason) {
    return new Admission(null, status, reason);
  }

  public boolean admitted() {
    return trunk != null;
  }
}
