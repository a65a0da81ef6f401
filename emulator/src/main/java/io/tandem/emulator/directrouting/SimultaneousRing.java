package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.world.TeamsUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The PSTN branch of simultaneous ring (MICROSOFT-CONTRACTS §1.6): while a Teams user's client
 * rings, Teams also sends a new INVITE to an SBC of the tenant's voice routes with the user's
 * {@code simultaneousRingTo} number as Request-URI, the original caller in From, History-Info (when
 * the trunk has {@code forwardCallHistory}) ending with the rung user, and P-Asserted-Identity
 * (with {@code forwardPai}). The first branch to answer takes the call: the Teams client answering
 * cancels this branch with {@link #ANSWERED_ELSEWHERE}; this branch answering stops the client
 * ringing. A branch that fails leaves the other ringing; the caller gets a failure only when both
 * have failed ({@link InboundCall}). Once answered, each leg's end ends the other. Runs on the two
 * calls' executors, like {@link ForwardedCall}.
 */
final class SimultaneousRing implements OutboundListener, LinkedLeg {

  /**
   * The Reason on the CANCEL of the branch that lost to an answer elsewhere (RFC 3326; the value
   * SIP forking proxies use for "answered elsewhere"; Microsoft's documentation names none).
   */
  static final SipHeader ANSWERED_ELSEWHERE =
      SipHeader.of("Reason", "SIP;cause=200;text=\"Call completed elsewhere\"");

  /**
   * The History-Info cause of the rung user's entry. Microsoft documents History-Info for
   * simultaneous ring but shows only a forwarding example; its "Move Temporarily" (302, RFC 4458's
   * unconditional diversion) is used, as simultaneous ring applies to every call.
   */
  static final int RUNG_USER_CAUSE = 302;

  private final CallServices services;
  private final InboundCall inbound;
  private final OutboundCall outbound;
  private final String number;

  private SimultaneousRing(
      CallServices services, InboundCall inbound, OutboundPlan plan, String number) {
    this.services = services;
    this.inbound = inbound;
    this.number = number;
    this.outbound = new OutboundCall(services, UUID.randomUUID().toString(), plan, this);
  }

  /**
   * Places the PSTN branch to {@code number} for {@code user}, after {@code hops} of forwarding;
   * null when no voice route of the tenant matches the number (the client rings alone).
   */
  static @Nullable SimultaneousRing start(
      CallServices services,
      InboundCall inbound,
      TeamsUser user,
      List<Forwarding.Hop> hops,
      String number) {
    InboundTarget call = inbound.target();
    List<OutboundTrunk> trunks = services.gatewayOrder.trunksFor(call.tenant(), number);
    if (trunks.isEmpty()) {
      inbound.record("call.simultaneousRingUnrouted", Map.of("to", number));
      return null;
    }
    List<Forwarding.Hop> history = new ArrayList<>(hops);
    history.add(new Forwarding.Hop(Forwarding.numberOf(user), RUNG_USER_CAUSE, "Move Temporarily"));
    OutboundPlan plan =
        new OutboundPlan(
            null,
            call.callerNumber(),
            number,
            trunks,
            trunk -> {
              List<SipHeader> headers = new ArrayList<>();
              if (trunk.gateway().forwardCallHistory()) {
                headers.add(SipHeader.of("History-Info", Forwarding.historyInfo(history)));
              }
              headers.addAll(PaiHeaders.forNumber(trunk, call.callerNumber()));
              return headers;
            });
    SimultaneousRing branch = new SimultaneousRing(services, inbound, plan, number);
    inbound.record(
        "call.simultaneousRing",
        Map.of("to", number, "user", user.id(), "branch", branch.outbound.callId()));
    services.onCall(branch.outbound.callId(), branch.outbound::start);
    return branch;
  }

  String number() {
    return number;
  }

  /** The Teams client answered first: CANCEL the branch, "Call completed elsewhere". */
  void answeredElsewhere() {
    services.onCall(outbound.callId(), () -> outbound.cancel(ANSWERED_ELSEWHERE));
  }

  /**
   * The SBC call ended or was cancelled: the branch ends too (CANCEL before an answer, BYE after).
   */
  @Override
  public void hangUp() {
    services.onCall(outbound.callId(), outbound::hangUp);
  }

  @Override
  public void answered(OutboundCall call) {
    services.onCall(
        inbound.callId(),
        () -> {
          if (!inbound.answerSimultaneousRing(this)) {
            hangUp();
          }
        });
  }

  @Override
  public void failed(OutboundCall call, int status) {
    services.onCall(inbound.callId(), () -> inbound.simultaneousRingFailed(this, status));
  }

  @Override
  public void ended(OutboundCall call) {
    services.onCall(inbound.callId(), inbound::endFromTeams);
  }
}
