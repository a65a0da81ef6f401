package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.CallConnection;
import io.tandem.acs.client.Identifier;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.IncomingCall;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.NoDataLookups;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.tenant.Tenant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One caller's call connection, from the IncomingCall event until the application is out of the
 * call: answered, arrived in the tenant, the virtual assistant, the queue ({@link CallerQueue}),
 * the talk with the agent, and the end on either side. Every method runs on the call's lane (the
 * entry points hop there).
 */
final class CallerConnection {

  private static final System.Logger LOG = System.getLogger(CallerConnection.class.getName());

  private final UnifyContext context;
  private final SerialLane lane;
  private final IncomingCall incoming;
  private final FlowPrompts flow;
  private final CallerQueue queue;
  private final CallerDirections directions;
  private final CallRoster roster = new CallRoster();
  private final CallRecording recording;
  private final CallWithAgent withAgent;
  private final CallerVoicemail voicemail;
  private CallerConnectionState state = CallerConnectionState.INCOMING;
  private @Nullable String connectionId;
  private @Nullable String serverCallId;
  private boolean connected;
  private boolean answerFailed;
  private @Nullable InteractionId interaction;

  CallerConnection(UnifyContext context, IncomingCall incoming) {
    this.context = context;
    this.lane = context.newLane();
    this.incoming = incoming;
    this.flow = new FlowPrompts(this, context.acs(), context.prompts(), this::report);
    this.queue =
        new CallerQueue(this, context, new HoldMusic(this, context.acs(), context.prompts(), lane));
    this.recording = new CallRecording(this, context);
    this.withAgent = new CallWithAgent(this, context, queue, recording);
    this.voicemail = new CallerVoicemail(this, context);
    this.directions = new CallerDirections(this, queue, recording, voicemail);
  }

  String connectionId() {
    String id = connectionId;
    if (id == null) {
      throw new IllegalStateException("the call is not answered yet");
    }
    return id;
  }

  /** The call connection's id once the answer returned, else null. */
  @Nullable String answeredConnectionId() {
    return connectionId;
  }

  /** The call's server id (from the answer, else the IncomingCall event), if known. */
  @Nullable String serverCallId() {
    return serverCallId != null ? serverCallId : incoming.serverCallId();
  }

  Identifier callerIdentifier() {
    return Identifier.fromRawId(incoming.fromRawId());
  }

  IncomingCall incoming() {
    return incoming;
  }

  @Nullable InteractionId interaction() {
    return interaction;
  }

  CallerConnectionState state() {
    return state;
  }

  UnifyContext context() {
    return context;
  }

  SerialLane lane() {
    return lane;
  }

  void start() {
    lane.execute(this::answer);
  }

  void event(CallEvent event) {
    lane.execute(() -> onEvent(event));
  }

  void tenantEvent(TenantEvent event) {
    lane.execute(() -> directions.on(event));
  }

  private void answer() {
    try {
      CallConnection answered = context.acs().answer(Arrival.answer(context.settings(), incoming));
      connectionId = answered.callConnectionId();
      serverCallId = answered.serverCallId();
      move(CallerConnectionState.ANSWERED);
      context.registry().claim(answered.callConnectionId(), this).forEach(this::onEvent);
    } catch (AcsException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not answer " + incoming.eventId(), failed);
      answerFailed = true;
      end(true);
    }
    Arrival.of(incoming, connectionId)
        .enter(context, this)
        .whenComplete(
            (id, failed) -> {
              if (failed != null) {
                LOG.log(System.Logger.Level.ERROR, "call did not arrive in the tenant", failed);
                lane.execute(this::hangUp);
              } else {
                lane.execute(() -> arrived(id));
              }
            });
  }

  private void arrived(InteractionId id) {
    interaction = id;
    if (connectionId != null) {
      context.transcripts().follow(connectionId, id, incoming.fromRawId());
    }
    if (answerFailed) {
      tell(tenant -> tenant.fail(id, "answer-failed"));
    } else if (state == CallerConnectionState.ENDED) {
      tell(tenant -> tenant.customerHungUp(id));
    } else {
      startFlowWhenReady();
    }
  }

  private void onEvent(CallEvent event) {
    AgentTalk current = withAgent.talk();
    if (voicemail.handled(event)
        || flow.handled(event)
        || queue.handled(event)
        || (current != null && current.handled(event))) {
      return;
    }
    switch (event) {
      case CallEvent.CallConnected ignored -> {
        connected = true;
        flow.listenForKeys();
        startFlowWhenReady();
      }
      case CallEvent.CallDisconnected ignored -> disconnected();
      case CallEvent.ConnectionFailed failed -> {
        answerFailed = true;
        disconnected();
      }
      case CallEvent.ParticipantsUpdated update -> {
        if (roster.apply(update)) {
          directions.rosterChanged(roster, queue.joined());
        }
      }
      case CallEvent.TransferAccepted accepted -> end(true);
      case CallEvent.TransferFailed failed -> {
        LOG.log(System.Logger.Level.WARNING, "forwarding {0} failed", connectionId);
        hangUp();
      }
      default -> directions.callEvent(event);
    }
  }

  private void disconnected() {
    if (state == CallerConnectionState.ENDED) {
      return;
    }
    boolean forwarded = state == CallerConnectionState.FORWARDING;
    boolean withAgent = state == CallerConnectionState.WITH_AGENT;
    if (state == CallerConnectionState.VOICEMAIL && voicemail.recording()) {
      voicemail.callerLeft();
      end(true);
      return;
    }
    end(true);
    InteractionId id = interaction;
    if (id == null || forwarded) {
      return;
    }
    if (answerFailed) {
      tell(tenant -> tenant.fail(id, "answer-failed"));
    } else if (withAgent) {
      tell(tenant -> tenant.callEnded(id, io.tandem.core.interaction.DisconnectedBy.UNKNOWN));
    } else {
      tell(tenant -> tenant.customerHungUp(id));
    }
  }

  private void startFlowWhenReady() {
    InteractionId id = interaction;
    if (state != CallerConnectionState.ANSWERED || !connected || id == null) {
      return;
    }
    move(CallerConnectionState.IN_FLOW);
    AcsFlowMedia media = new AcsFlowMedia(lane, flow);
    context
        .tenant()
        .tell(
            tenant ->
                tenant.startVirtualAssistant(
                    id,
                    context.settings().entryFlow().apply(tenant),
                    media,
                    new NoDataLookups(id, context.tenant())))
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(System.Logger.Level.ERROR, "no entry flow for " + connectionId, failed);
                lane.execute(this::hangUp);
                tell(tenant -> tenant.fail(id, "entry-flow-failed"));
              }
            });
  }

  /** The call from the moment an agent joins: talk, call control, recording. */
  CallWithAgent withAgent() {
    return withAgent;
  }

  /** The virtual assistant's media stops (an agent joined). */
  void silenceFlow() {
    flow.stop(false);
  }

  /** The application ends the call for everyone in it. */
  void hangUp() {
    if (state == CallerConnectionState.ENDED) {
      return;
    }
    String id = connectionId;
    end(false);
    if (id == null) {
      return;
    }
    try {
      context.acs().terminate(id);
    } catch (AcsException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "terminate refused on " + id, failed);
    }
  }

  /** Stops the media and every invitation; nothing is cancelled on the service if {@code gone}. */
  void silence(boolean gone) {
    flow.stop(gone);
    queue.stopAll(gone);
  }

  /** The call is over for the application; {@code callGone} when the service already ended it. */
  void end(boolean callGone) {
    if (state != CallerConnectionState.ENDED) {
      move(CallerConnectionState.ENDED);
    }
    silence(callGone);
    recording.ended();
    voicemail.callEnded();
    if (connectionId != null) {
      context.transcripts().ended(connectionId);
    }
    context.registry().forget(this);
  }

  void move(CallerConnectionState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(connectionId + ": " + state + " → " + next);
    }
    state = next;
  }

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

  /** Runs {@code command} on the tenant's writer; a refusal is logged. */
  void tell(Consumer<Tenant> command) {
    context.tell(command, "call connection " + connectionId);
  }
}
