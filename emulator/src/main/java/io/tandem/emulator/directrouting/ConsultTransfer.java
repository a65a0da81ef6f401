package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Teams user's consultative transfer between two of their calls through the same SBC: call A (an
 * SBC → Teams call, the party being transferred) and call B (the consultation, either direction).
 * Teams sends the SBC an INVITE with {@code Replaces: <B's Call-ID>;to-tag=<the SBC's tag in
 * B>;from-tag=<Microsoft's tag in B>} (RFC 3891, tags as the SBC sees its dialog), addressed to B's
 * far end at the SBC, From A's far end, with the transferor in Referred-By. Once the SBC answers,
 * the user leaves A, the SBC is expected to end B itself (BYE), and the new leg stays joined to A
 * (the Media Processor bridges their media, {@link MediaLeg#bridge}): the end of either ends the
 * other. A refused INVITE leaves both calls as they were.
 */
final class ConsultTransfer implements OutboundListener, LinkedLeg {

  private final CallServices services;
  private final InboundCall callA;
  private final OutboundCall replacing;

  private ConsultTransfer(
      CallServices services, InboundCall callA, TeamsUserCall callB, TeamsUser transferor) {
    this.services = services;
    this.callA = callA;
    Dialog dialogB = java.util.Objects.requireNonNull(callB.dialog());
    SipUri target = SipUri.parse(dialogB.remoteTarget);
    int port = target.port() > 0 ? target.port() : 5061;
    OutboundTrunk trunk =
        new OutboundTrunk(target.host(), PstnGateway.of(target.host(), port), true);
    String replaces =
        dialogB.callId + ";to-tag=" + dialogB.remoteTag + ";from-tag=" + dialogB.localTag;
    String referredBy =
        ReferHeaders.referredBy(
            DirectRoutingSettings.PROXY_FQDNS.get(0),
            transferor.id(),
            callA.target().tenant().id(),
            UUID.randomUUID().toString());
    OutboundPlan plan =
        new OutboundPlan(
            null,
            callA.remoteNumber(),
            callB.remoteNumber(),
            List.of(trunk),
            any ->
                List.of(
                    SipHeader.of("Replaces", replaces), SipHeader.of("Referred-By", referredBy)));
    this.replacing = new OutboundCall(services, UUID.randomUUID().toString(), plan, this);
  }

  /** Sends the INVITE with Replaces; returns the new leg's Call-ID. */
  static String start(
      CallServices services, InboundCall callA, TeamsUserCall callB, TeamsUser transferor) {
    ConsultTransfer transfer = new ConsultTransfer(services, callA, callB, transferor);
    String callId = transfer.replacing.callId();
    callA.record(
        "transfer.consultative", Map.of("replaces", callB.callId(), "replacingLeg", callId));
    services.onCall(callId, transfer.replacing::start);
    return callId;
  }

  @Override
  public void answered(OutboundCall call) {
    services.onCall(
        callA.callId(),
        () -> {
          callA.parties().leave();
          callA.media().leg().bridge(replacing.media().leg());
          callA.link(this);
          callA.record("transfer.completed", Map.of("replacingLeg", call.callId()));
        });
  }

  @Override
  public void failed(OutboundCall call, int status) {
    services.onCall(
        callA.callId(),
        () -> callA.record("transfer.failed", Map.of("status", Integer.toString(status))));
  }

  @Override
  public void ended(OutboundCall call) {
    services.onCall(callA.callId(), callA::endFromTeams);
  }

  @Override
  public void hangUp() {
    services.onCall(replacing.callId(), replacing::hangUp);
  }
}
