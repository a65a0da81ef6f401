package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.acs.client.RejectReason;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.IncomingCall;
import io.tandem.acs.events.RecordingFileReady;
import io.tandem.acs.events.SeenEvents;
import io.tandem.acs.streams.TranscriptSink;
import io.tandem.core.callback.CallbackDialler;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.time.Scheduler;
import io.tandem.core.voicemail.VoicemailIntake;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The Unify channel of one tenant: takes the application's IncomingCall events and mid-call
 * callbacks (already authenticated by the endpoints) and the tenant's events, and hands each to the
 * caller connection it concerns. A redelivered event (same id) is acted on once; a callback about a
 * call connection whose answer has not returned yet waits for it for a while.
 *
 * <p>Thread-safe: {@link #incoming} and {@link #received} run on the endpoints' threads, {@link
 * #on} on the tenant's writer; all of them only look up and hand over.
 */
public final class UnifyCalls implements TenantEventListener, CallControl {

  /** The interaction attribute that names the integration model a call came through. */
  public static final String MODEL_ATTRIBUTE = "channel.model";

  /** {@link #MODEL_ATTRIBUTE}'s value on the interactions of this channel. */
  public static final String UNIFY_MODEL = "unify";

  /** The interaction attribute that holds the caller's call connection id. */
  public static final String CONNECTION_ATTRIBUTE = "acs.callConnectionId";

  /** The interaction attribute that holds the call's correlation id. */
  public static final String CORRELATION_ATTRIBUTE = "acs.correlationId";

  private static final System.Logger LOG = System.getLogger(UnifyCalls.class.getName());
  private static final int UNCLAIMED_LIMIT = 10_000;
  private static final int REMEMBERED_EVENTS = 100_000;

  private final UnifyContext context;
  private final SeenEvents seen = new SeenEvents(REMEMBERED_EVENTS);
  private final Map<String, CallerConnection> byConnection = new ConcurrentHashMap<>();
  private final Map<InteractionId, CallerConnection> byInteraction = new ConcurrentHashMap<>();
  private final Map<String, Unclaimed> unclaimed = new HashMap<>();
  private volatile @Nullable UnifyCallbacks callbacks;
  private final Map<String, CallerVoicemail> awaitingFiles = new ConcurrentHashMap<>();

  private record Unclaimed(Instant since, List<CallEvent> events) {}

  /**
   * @param executor runs the calls' lanes; must not run tasks on the submitting thread (virtual
   *     threads in production)
   */
  public UnifyCalls(
      UnifySettings settings,
      CallAutomationClient acs,
      TenantAccess tenant,
      PromptSources prompts,
      Executor executor,
      Scheduler scheduler,
      Clock clock) {
    this(settings, acs, tenant, prompts, executor, scheduler, clock, null);
  }

  /**
   * @param executor runs the calls' lanes; must not run tasks on the submitting thread (virtual
   *     threads in production)
   * @param voicemail where callers sent to voicemail leave their messages; without it they are hung
   *     up
   */
  public UnifyCalls(
      UnifySettings settings,
      CallAutomationClient acs,
      TenantAccess tenant,
      PromptSources prompts,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      @Nullable VoicemailIntake voicemail) {
    this.context =
        new UnifyContext(
            settings,
            acs,
            tenant,
            prompts,
            new Bindings(),
            new LiveTranscripts(tenant, clock),
            executor,
            scheduler,
            clock,
            voicemail);
  }

  /** Takes an IncomingCall event: the call is answered unless this event was seen before. */
  public void incoming(IncomingCall call) {
    if (!seen.firstTime("incoming:" + call.eventId())
        || !seen.firstTime("context:" + call.incomingCallContext())) {
      return;
    }
    new CallerConnection(context, call).start();
  }

  /** Refuses a call this application does not serve (e.g. a number of another tenant). */
  public void refuse(IncomingCall call) {
    context
        .executor()
        .execute(
            () -> {
              try {
                context.acs().reject(call.incomingCallContext(), RejectReason.FORBIDDEN);
              } catch (AcsException | RuntimeException failed) {
                LOG.log(System.Logger.Level.DEBUG, "reject refused", failed);
              }
            });
  }

  /** Takes the events of one callback body, in order; redelivered events are skipped. */
  public void received(List<CallEvent> events) {
    for (CallEvent event : events) {
      if (!seen.firstTime(event.base().id())) {
        continue;
      }
      UnifyCallbacks dialler = callbacks;
      if (dialler != null && dialler.take(event)) {
        continue;
      }
      CallerConnection call;
      synchronized (unclaimed) {
        call = byConnection.get(event.callConnectionId());
        if (call == null) {
          park(event);
          continue;
        }
      }
      call.event(event);
    }
  }

  /**
   * Takes a RecordingFileStatusUpdated event (Event Grid): a voicemail waiting for the recording of
   * that call fetches it; others are none of this channel's business.
   */
  public void recordingFile(RecordingFileReady file) {
    if (!seen.firstTime("file:" + file.eventId())) {
      return;
    }
    CallerVoicemail voicemail = awaitingFiles.get(file.serverCallId());
    if (voicemail != null) {
      voicemail.fileArrived(file);
    }
  }

  @Override
  public void on(TenantEvent event) {
    if (event instanceof InteractionEvent e) {
      CallerConnection call = byInteraction.get(e.interaction());
      if (call != null) {
        call.tenantEvent(event);
      }
      UnifyCallbacks dialler = callbacks;
      if (dialler != null) {
        dialler.on(e);
      }
    }
  }

  /** The interaction a call connection belongs to, if it is one of this channel's live calls. */
  public Optional<InteractionId> interactionOf(String callConnectionId) {
    CallerConnection call = byConnection.get(callConnectionId);
    return call == null ? Optional.empty() : Optional.ofNullable(call.interaction());
  }

  /**
   * Where the live transcription of this channel's calls goes: final segments are attached to the
   * call's interaction, also for a while after the call ended.
   */
  public TranscriptSink transcripts() {
    return context.transcripts();
  }

  /**
   * Starts, pauses or resumes the recording of the interaction's call; false if the interaction is
   * not a live call of this channel. The outcome is recorded on the interaction as ACS reports it.
   */
  public boolean recording(InteractionId interaction, RecordingAction action) {
    CallerConnection call = byInteraction.get(interaction);
    if (call == null) {
      return false;
    }
    call.withAgent().recording(action);
    return true;
  }

  @Override
  public boolean carries(InteractionId interaction) {
    return byInteraction.containsKey(interaction);
  }

  /**
   * Carries out the agent's {@code action} on the interaction's call ({@link AgentTalk}): accepted
   * once the service took the request; refused while the call is not with an agent or its state
   * does not allow the action.
   */
  @Override
  public CompletionStage<Void> request(InteractionId interaction, CallAction action) {
    CallerConnection call = byInteraction.get(interaction);
    if (call == null) {
      return CompletableFuture.failedFuture(
          new CallActionRefused(
              CallActionRefused.Reason.NOT_LIVE,
              "interaction " + interaction + " is not a live Unify call"));
    }
    return call.withAgent().control(action);
  }

  /** Calls the application holds now (callers' calls and callbacks placed). */
  public int activeCalls() {
    UnifyCallbacks dialler = callbacks;
    return byConnection.size() + (dialler == null ? 0 : dialler.activeCalls());
  }

  /**
   * This application as the dialler of the tenant's callbacks, placing them as {@code line} (give
   * it to {@code Tenant.callbacks().dialWith}). Callback calls are not under the agent's call
   * control ({@link #carries} is false for them); the agent app's hang-up ends them.
   */
  public synchronized CallbackDialler callbacks(CallbackLine line) {
    UnifyCallbacks dialler = new UnifyCallbacks(context, line);
    callbacks = dialler;
    return dialler;
  }

  private void park(CallEvent event) {
    if (event.callConnectionId().isEmpty()) {
      return;
    }
    Instant now = context.clock().instant();
    Instant oldest = now.minus(context.settings().unclaimedEventLifetime());
    Iterator<Unclaimed> old = unclaimed.values().iterator();
    while (old.hasNext()) {
      if (old.next().since().isBefore(oldest)) {
        old.remove();
      }
    }
    if (unclaimed.size() < UNCLAIMED_LIMIT || unclaimed.containsKey(event.callConnectionId())) {
      unclaimed
          .computeIfAbsent(event.callConnectionId(), id -> new Unclaimed(now, new ArrayList<>()))
          .events()
          .add(event);
    }
  }

  private final class Bindings implements Registry {

    @Override
    public void bind(InteractionId interaction, CallerConnection call) {
      byInteraction.put(interaction, call);
    }

    @Override
    public List<CallEvent> claim(String callConnectionId, CallerConnection call) {
      synchronized (unclaimed) {
        byConnection.put(callConnectionId, call);
        Unclaimed waiting = unclaimed.remove(callConnectionId);
        return waiting == null ? List.of() : waiting.events();
      }
    }

    @Override
    public void awaitFile(String serverCallId, CallerVoicemail voicemail) {
      awaitingFiles.put(serverCallId, voicemail);
    }

    @Override
    public void fileHandled(String serverCallId, CallerVoicemail voicemail) {
      awaitingFiles.remove(serverCallId, voicemail);
    }

    @Override
    public void forget(CallerConnection call) {
      String connection = call.answeredConnectionId();
      if (connection != null) {
        byConnection.remove(connection, call);
      }
      InteractionId interaction = call.interaction();
      if (interaction != null) {
        byInteraction.remove(interaction, call);
      }
    }
  }
}
