package io.tandem.graph.extend;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.time.Timer;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.client.GraphException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One caller's Graph call, from the incoming notification until the bot is out of it: answered and
 * arrived in the tenant ({@link CallerArrival}), the virtual assistant, the queue (with {@link
 * CallerQueue}), forwarding, and hang-ups on either side; Graph's signals for the call are sorted
 * here. Every method runs on the call's lane (the public entry points hop there).
 */
final class CallerCall {

  private static final System.Logger LOG = System.getLogger(CallerCall.class.getName());
  private static final int TONES_REMEMBERED = 256;

  private final ExtendContext context;
  private final SerialLane lane;
  private final CallSignal.IncomingCall incoming;
  private final FlowPlayback flow;
  private final CallerQueue queue;
  private final CallerDirections directions;
  private final CallerVoicemail voicemail;
  private final CallerWithAgent withAgent;
  private final CallerArrival arrival;
  private final Set<Long> tonesSeen = new HashSet<>();
  private CallerCallState state = CallerCallState.INCOMING;
  private @Nullable InteractionId interaction;
  private Timer keepAlive = Timer.NONE;

  CallerCall(ExtendContext context, CallSignal.IncomingCall incoming) {
    this.context = context;
    this.lane = context.newLane();
    this.incoming = incoming;
    this.flow =
        new FlowPlayback(incoming.callId(), context.graph(), context.prompts(), lane, this::report);
    this.withAgent = new CallerWithAgent(this);
    this.queue = new CallerQueue(this, context, lane, withAgent);
    this.voicemail = new CallerVoicemail(this, context);
    this.directions = new CallerDirections(this, queue, voicemail);
    this.arrival = new CallerArrival(this, context, lane, flow);
  }

  String callId() {
    return incoming.callId();
  }

  @Nullable String applicationInstanceId() {
    return incoming.applicationInstanceId();
  }

  @Nullable InteractionId interaction() {
    return interaction;
  }

  /** The caller's number, Teams id or {@code anonymous}, as the interaction has it. */
  String callerNumber() {
    return incoming.callerNumber() != null
        ? incoming.callerNumber()
        : incoming.callerUserId() != null ? "teams:" + incoming.callerUserId() : "anonymous";
  }

  /** The bot's presence in the call with people (stay-in-call mode). */
  CallerWithAgent withAgent() {
    return withAgent;
  }

  /** The caller's participant id in the roster Graph last reported, if known. */
  @Nullable String callerParticipant() {
    return withAgent.callerParticipant(incoming.callerNumber(), incoming.callerUserId());
  }

  /** The agent left and the caller waits in a queue again (music, offers). */
  void agentLeftForQueue() {
    withAgent.agentLeftForQueue();
  }

  /** The agent handed the caller on to someone invited into the call and left. */
  void passedOn() {
    withAgent.passedOn();
  }

  /** Runs {@code task} on the call's lane. */
  void onLane(Runnable task) {
    lane.execute(task);
  }

  /** Runs {@code task} on the call's lane after {@code delay}. */
  Timer after(java.time.Duration delay, Runnable task) {
    return lane.after(delay, task);
  }

  CallerCallState state() {
    return state;
  }

  ExtendContext context() {
    return context;
  }

  /**
   * Stops the flow's media and the queue's (music, ringing agents) without hanging up; nothing is
   * cancelled on Graph if {@code callGone}.
   */
  void silence(boolean callGone) {
    flow.stop();
    queue.stopAll(callGone);
  }

  void start() {
    lane.execute(arrival::answer);
  }

  void signal(CallSignal signal) {
    lane.execute(() -> onSignal(signal));
  }

  void event(TenantEvent event) {
    lane.execute(() -> directions.on(event));
  }

  private void onSignal(CallSignal signal) {
    if (!signal.callId().equals(callId())) {
      queue.offerSignal(signal);
      return;
    }
    switch (signal) {
      case CallSignal.StateChanged changed -> stateChanged(changed);
      case CallSignal.Terminated ended -> terminated(ended);
      case CallSignal.ToneReceived tone -> {
        if (tonesSeen.size() < TONES_REMEMBERED
            && tonesSeen.add(tone.sequenceId())
            && state == CallerCallState.IN_FLOW) {
          flow.tone(tone.tone());
        }
      }
      case CallSignal.OperationCompleted done -> {
        if (!voicemail.completed(done.operation())
            && !flow.completed(done.operation())
            && !withAgent.completed(done.operation())) {
          queue.operationCompleted(done.operation());
        }
      }
      case CallSignal.RosterUpdated roster -> {
        queue.roster(roster);
        withAgent.roster(roster);
      }
      // A retried incoming notification: nothing for the bot to decide.
      case CallSignal.IncomingCall duplicate -> {}
    }
  }

  private void stateChanged(CallSignal.StateChanged changed) {
    if (!changed.state().equals("established")) {
      return;
    }
    if (arrival.established()) {
      return;
    }
    if (changed.resultInfo() != null) {
      if (state == CallerCallState.CONNECTING) {
        queue.handOver().transferFailed(String.valueOf(changed.resultInfo()));
      } else if (state == CallerCallState.FORWARDING) {
        LOG.log(
            System.Logger.Level.WARNING,
            "forwarding call {0} failed: {1}",
            callId(),
            changed.resultInfo());
        hangUp();
      }
    }
  }

  private void terminated(CallSignal.Terminated ended) {
    boolean handedOver = ended.resultInfo() != null && ended.resultInfo().subcode() == 7015;
    if (state == CallerCallState.CONNECTING && handedOver) {
      move(CallerCallState.HANDED_OVER);
      keepAlive.cancel();
      queue.handOver().handedOver();
      return;
    }
    if (state == CallerCallState.HANDED_OVER || state == CallerCallState.ENDED) {
      return;
    }
    if (state == CallerCallState.PASSED_ON) {
      end(true); // the interaction ended when the agent handed the caller on
      return;
    }
    if (state == CallerCallState.VOICEMAIL && voicemail.active()) {
      voicemail.callerLeft();
      return;
    }
    boolean forwarded = state == CallerCallState.FORWARDING;
    end(true);
    InteractionId id = interaction;
    if (id != null && !forwarded) {
      tell(tenant -> tenant.customerHungUp(id));
    }
  }

  /** The interaction the tenant made of this call. */
  void bind(InteractionId id) {
    interaction = id;
  }

  /** Keeps the call alive on Graph until it ends. */
  void keepAlive() {
    keepAlive = KeepAlive.every(context.settings().keepAliveInterval(), lane, this);
  }

  /** The bot hangs the caller up. */
  void hangUp() {
    if (state == CallerCallState.ENDED) {
      return;
    }
    end(true); // hanging up ends the media too
    try {
      context.graph().hangUp(callId());
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "hang-up refused on call " + callId(), failed);
    }
  }

  /**
   * The call is over for the bot (hung up on either side, or forwarded); {@code callGone} when
   * Graph already ended it, so nothing on it is cancelled.
   */
  void end(boolean callGone) {
    if (state != CallerCallState.ENDED) {
      move(CallerCallState.ENDED);
    }
    keepAlive.cancel();
    silence(callGone);
    voicemail.stop();
    context.registry().forget(this);
  }

  void move(CallerCallState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("call " + callId() + ": " + state + " → " + next);
    }
    state = next;
  }

  /** Reports a media outcome to the call's flow run, on the tenant's writer. */
  private void report(Consumer<FlowRun> outcome) {
    InteractionId id = interaction;
    if (id == null) {
      return;
    }
    tell(
        tenant -> {
          FlowRun run = tenant.virtualAssistantOf(id);
          if (run != null) {
            outcome.accept(run);
          }
        });
  }

  /**
   * Runs {@code command} on the tenant's writer; a refusal (the interaction moved on) is logged.
   */
  void tell(Consumer<io.tandem.core.tenant.Tenant> command) {
    context.tell(command, "call " + callId());
  }
}
