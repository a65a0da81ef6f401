package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.flow.Prompt;
import io.tandem.core.time.Timer;
import java.time.Duration;

/**
 * A caller the domain forwarded to a phone number (its interaction ended {@code
 * forwarded:<number>}: a queue's overflow, closed or no-agent action, or a flow's decision), called
 * by Tandem as for an agent's blind transfer ({@link ThirdParty}): through the carrier gateway of
 * the tenant's outbound trunk serving the number, else over Direct Routing in the agent leg's
 * dialect. The caller hears music while it rings; answered, the caller is relayed to it and the
 * call only relays ({@link CarrierCallState#TRANSFERRED}), its BYE ending the caller's call and the
 * caller's ending it. Refused, unanswered within {@link ThirdParty#RING_LIMIT} (then CANCEL), or
 * with no route, the caller hears {@link #FAREWELL} and gets BYE. Runs on the call's lane.
 */
final class CallerForward implements AgentLegListener {

  /** What a caller whose forward failed hears before Tandem hangs up. */
  static final Prompt FAREWELL = new Prompt.File("prompt:goodbye");

  /** How long {@link #FAREWELL} may take before Tandem hangs up anyway. */
  static final Duration FAREWELL_LIMIT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(CallerForward.class.getName());

  private final CarrierCall call;
  private final ConnectContext context;
  private final String number;
  private final ThirdParty target;
  private Timer farewell = Timer.NONE;

  private CallerForward(CarrierCall call, ConnectContext context, String number) {
    this.call = call;
    this.context = context;
    this.number = number;
    this.target = new ThirdParty(call, context);
  }

  /**
   * Calls {@code number} for {@code call}, which moves to {@link CarrierCallState#FORWARDING}; a
   * number that is not E.164 or has no route fails at once (farewell, BYE).
   */
  static CallerForward start(CarrierCall call, ConnectContext context, String number) {
    CallerForward forward = new CallerForward(call, context, number);
    call.move(CarrierCallState.FORWARDING);
    call.media().holdMusic(0, null);
    try {
      forward.target.dial(new CallTarget.PhoneNumber(number), number, forward, forward::unanswered);
    } catch (IllegalArgumentException | CallActionRefused noRoute) {
      forward.failed("no route: " + noRoute.getMessage());
    }
    return forward;
  }

  @Override
  public void answered(AgentLeg leg) {
    if (!target.is(leg) || call.state() != CarrierCallState.FORWARDING) {
      leg.hangUp();
      return;
    }
    target.answered();
    call.media().relayWith(leg.media());
    call.move(CarrierCallState.TRANSFERRED);
    LOG.log(System.Logger.Level.INFO, "call {0} forwarded to {1}", call.lane(), number);
  }

  @Override
  public void refused(AgentLeg leg, int status) {
    if (target.is(leg)) {
      target.forget();
      failed(Integer.toString(status));
    }
  }

  private void unanswered(AgentLeg leg) {
    if (target.is(leg) && call.state() == CarrierCallState.FORWARDING) {
      target.drop();
      failed("no answer within " + ThirdParty.RING_LIMIT.toSeconds() + " s");
    }
  }

  /** The forward target did not take the call: the caller hears the farewell, then BYE. */
  private void failed(String why) {
    LOG.log(
        System.Logger.Level.INFO,
        "forward of call {0} to {1} failed ({2}): the caller is hung up",
        call.lane(),
        number,
        why);
    if (call.state() == CarrierCallState.ENDED) {
      return;
    }
    String lane = call.lane();
    farewell = context.after(FAREWELL_LIMIT, lane, call::hangUp);
    call.media().silence();
    call.media().flowMedia(played -> context.endpoint().execute(lane, call::hangUp)).play(FAREWELL);
  }

  @Override
  public void hungUp(AgentLeg leg) {
    if (target.is(leg)) {
      target.forget();
      call.hangUp();
    }
  }

  @Override
  public void holds(AgentLeg leg, boolean holds) {
    // The forward target's hold is between it and the caller; the interaction is over.
  }

  /** The call is over: the forward target's leg goes too (CANCEL while it rings, else BYE). */
  void stop() {
    farewell.cancel();
    target.drop();
  }
}
