package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An SBC call that Teams forwarded to a PSTN number: a new INVITE from Microsoft to an SBC of the
 * tenant's voice routes (MICROSOFT-CONTRACTS §1.6) with the forward target as Request-URI, the
 * original caller in From, History-Info when the trunk has {@code forwardCallHistory} and
 * P-Asserted-Identity when it has {@code forwardPai}. The inbound leg is answered when the new leg
 * is, fails with the new leg's failure, and each leg's end ends the other. The two legs' audio is
 * not relayed: each hears the Teams side's own audio.
 */
final class ForwardedCall implements OutboundListener, LinkedLeg {

  private final CallServices services;
  private final InboundCall inbound;
  private final OutboundCall outbound;

  private ForwardedCall(CallServices services, InboundCall inbound, OutboundPlan plan) {
    this.services = services;
    this.inbound = inbound;
    this.outbound = new OutboundCall(services, UUID.randomUUID().toString(), plan, this);
  }

  /** Places the forwarded leg; null when no voice route matches {@code target}'s number. */
  static ForwardedCall start(CallServices services, InboundCall inbound, Forwarding.Target target) {
    String number = target.pstnNumber();
    InboundTarget call = inbound.target();
    List<OutboundTrunk> trunks = services.gatewayOrder.trunksFor(call.tenant(), number);
    OutboundPlan plan =
        new OutboundPlan(
            null,
            call.callerNumber(),
            number,
            trunks,
            trunk -> {
              List<SipHeader> headers = new ArrayList<>();
              if (trunk.gateway().forwardCallHistory()) {
                headers.add(SipHeader.of("History-Info", Forwarding.historyInfo(target.hops())));
              }
              headers.addAll(PaiHeaders.forNumber(trunk, call.callerNumber()));
              return headers;
            });
    ForwardedCall forwarded = new ForwardedCall(services, inbound, plan);
    inbound.record(
        "call.forwarded",
        java.util.Map.of("to", number, "forwardedLeg", forwarded.outbound.callId()));
    services.onCall(forwarded.outbound.callId(), forwarded.outbound::start);
    return forwarded;
  }

  /** The inbound leg ended or was cancelled: the forwarded leg ends too. */
  @Override
  public void hangUp() {
    services.onCall(outbound.callId(), outbound::hangUp);
  }

  @Override
  public void answered(OutboundCall call) {
    services.onCall(inbound.callId(), inbound::answerForwarded);
  }

  @Override
  public void failed(OutboundCall call, int status) {
    services.onCall(inbound.callId(), () -> inbound.fail(rejectionFor(status)));
  }

  @Override
  public void ended(OutboundCall call) {
    services.onCall(inbound.callId(), inbound::endFromTeams);
  }

  /** The inbound leg's answer when the forwarded leg failed with {@code status}. */
  static Rejection rejectionFor(int status) {
    return switch (status) {
      case 486 -> Rejection.of(486, "Busy Here", 0, "The forward target is busy").withQ850(17);
      case 603 -> Rejection.of(603, "Decline", 0, "The forward target declined").withQ850(21);
      default ->
          Rejection.of(
                  480,
                  "Temporarily Unavailable",
                  0,
                  "The call forwarded to the PSTN failed with " + status)
              .withQ850(19);
    };
  }
}
