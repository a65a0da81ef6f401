package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.time.Timer;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The third party of an agent's talk, if any: the consulted party or the transfer target (or the
 * number the domain forwarded a caller to, {@link CallerForward}), called over Direct Routing as
 * the tenant's SBC in the agent leg's dialect ({@link AgentLeg}, From the caller's number), or, for
 * a phone number one of the tenant's {@link OutboundTrunk}s serves, through that carrier's gateway;
 * and the limit on how long its number may ring. Runs on the call's lane.
 */
final class ThirdParty {

  /** How long a consulted party's or transfer target's number may ring. */
  static final Duration RING_LIMIT = Duration.ofSeconds(30);

  private final CarrierCall call;
  private final ConnectContext context;
  private @Nullable AgentLeg leg;
  private @Nullable CallTarget target;
  private Timer ringLimit = Timer.NONE;
  private LegMedia.@Nullable Mix mix;

  ThirdParty(CarrierCall call, ConnectContext context) {
    this.call = call;
    this.context = context;
  }

  /**
   * Calls {@code target} at {@code number}; {@code listener} hears the leg, {@code unanswered} runs
   * if it still rings after {@link #RING_LIMIT}.
   *
   * @throws CallActionRefused when the tenant has no Direct Routing trunk or no RTP port is free
   */
  void dial(
      CallTarget target, String number, AgentLegListener listener, Consumer<AgentLeg> unanswered) {
    Optional<OutboundTrunk> carrier =
        target instanceof CallTarget.PhoneNumber
            ? context.trunks().outbound(call.tenantId(), number)
            : Optional.empty();
    if (carrier.isPresent()) {
      dial(
          target,
          carrier.get().srtp(),
          false,
          new ProxyFailover(carrier.get()),
          CarrierAddress.number(context, carrier.get(), number, call.callerNumber()),
          listener,
          unanswered);
      return;
    }
    DirectRoutingTrunk trunk = directRouting();
    dial(
        target,
        trunk.srtp(),
        trunk.mediaBypass(),
        new ProxyFailover(trunk),
        DirectRoutingAddress.number(context, trunk, number, call.callerNumber()),
        listener,
        unanswered);
  }

  /**
   * Calls the target of a REFER from Teams ({@code refer}); {@code target} is what the domain names
   * it, null when it is neither a number nor a Teams user.
   *
   * @throws CallActionRefused when the tenant has no Direct Routing trunk or no RTP port is free
   */
  void dial(
      @Nullable CallTarget target,
      TeamsRefer refer,
      AgentLegListener listener,
      Consumer<AgentLeg> unanswered) {
    DirectRoutingTrunk trunk = directRouting();
    dial(
        target,
        trunk.srtp(),
        trunk.mediaBypass(),
        new ProxyFailover(trunk),
        DirectRoutingAddress.referral(context, trunk, refer, call.callerNumber()),
        listener,
        unanswered);
  }

  private DirectRoutingTrunk directRouting() {
    return context
        .trunks()
        .directRouting(call.tenantId())
        .orElseThrow(
            () ->
                new CallActionRefused(
                    CallActionRefused.Reason.UNSUPPORTED,
                    "the tenant has no Direct Routing trunk to call out"));
  }

  private void dial(
      @Nullable CallTarget target,
      SrtpMode srtp,
      boolean iceLite,
      ProxyFailover hops,
      LegAddress address,
      AgentLegListener listener,
      Consumer<AgentLeg> unanswered) {
    LegMedia media;
    try {
      media = context.media().offer(srtp, iceLite);
    } catch (MediaRefusedException noPort) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "no media for a new leg: " + noPort.getMessage());
    }
    AgentLeg dialled = new AgentLeg(context, call.lane(), hops, address, media, listener);
    drop();
    leg = dialled;
    this.target = target;
    dialled.start();
    ringLimit = context.after(RING_LIMIT, call.lane(), () -> unanswered.accept(dialled));
  }

  /** Whether {@code candidate} is the third party's leg now. */
  boolean is(AgentLeg candidate) {
    return candidate == leg;
  }

  @Nullable AgentLeg leg() {
    return leg;
  }

  @Nullable CallTarget target() {
    return target;
  }

  /** The third party answered: no ring limit any more. */
  void answered() {
    ringLimit.cancel();
  }

  /** The third party's leg is over (refused, hung up, handed the caller): it is forgotten. */
  void forget() {
    ringLimit.cancel();
    leg = null;
    target = null;
  }

  /**
   * The caller ({@code caller}), the agent ({@code agent}) and the answered third party hear each
   * other (a conference), until {@link #unmix()}.
   */
  void conference(LegMedia caller, LegMedia agent) {
    AgentLeg consulted = leg;
    if (consulted != null) {
      unmix();
      mix = caller.mix(List.of(agent, consulted.media()));
    }
  }

  /** The conference, if any, ends; each leg's media is as the caller call sets it next. */
  void unmix() {
    LegMedia.Mix mixing = mix;
    mix = null;
    if (mixing != null) {
      mixing.close();
    }
  }

  /** Tandem ends the third party's leg (CANCEL while it rings, BYE once answered). */
  void drop() {
    unmix();
    AgentLeg ending = leg;
    forget();
    if (ending != null) {
      ending.hangUp();
    }
  }
}
