package io.tandem.graph.extend;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
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
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The Extend channel of one tenant: receives the bot's Graph call notifications (already
 * authenticated by the endpoint) and the tenant's events, and hands each to the caller call it
 * concerns. Notifications about a call not known yet (a call to an agent whose creation has not
 * answered) wait for it for a while.
 *
 * <p>Thread-safe: {@link #received} runs on notification threads, {@link #on} on the tenant's
 * writer; both only look up and hand over.
 */
public final class ExtendCalls implements TenantEventListener, CallControl {

  /** The interaction attribute that names the integration model a call came through. */
  public static final String MODEL_ATTRIBUTE = "channel.model";

  /** {@link #MODEL_ATTRIBUTE}'s value on the interactions of this channel. */
  public static final String EXTEND_MODEL = "extend";

  /** The interaction attribute that holds the caller's Graph call id. */
  public static final String CALL_ID_ATTRIBUTE = "graph.callId";

  private static final System.Logger LOG = System.getLogger(ExtendCalls.class.getName());
  private static final int UNCLAIMED_LIMIT = 10_000;

  private final ExtendContext context;
  private final Map<String, CallerCall> byGraphCall = new ConcurrentHashMap<>();
  private final Map<InteractionId, CallerCall> byInteraction = new ConcurrentHashMap<>();
  private final Map<AgentId, CallerCall> byAgent = new ConcurrentHashMap<>();
  private final Map<String, Unclaimed> unclaimed = new HashMap<>();

  private record Unclaimed(Instant since, List<CallSignal> signals) {}

  /**
   * @param executor runs the calls' lanes; must not run tasks on the submitting thread (virtual
   *     threads in production)
   */
  public ExtendCalls(
      ExtendSettings settings,
      GraphCallsApi graph,
      TenantAccess tenant,
      PromptLocator prompts,
      Executor executor,
      Scheduler scheduler,
      Clock clock) {
    this(settings, graph, tenant, prompts, executor, scheduler, clock, null);
  }

  /**
   * @param executor runs the calls' lanes; must not run tasks on the submitting thread (virtual
   *     threads in production)
   * @param voicemail where callers sent to voicemail leave their messages; without it they are hung
   *     up
   */
  public ExtendCalls(
      ExtendSettings settings,
      GraphCallsApi graph,
      TenantAccess tenant,
      PromptLocator prompts,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      @Nullable VoicemailIntake voicemail) {
    this.context =
        new ExtendContext(
            settings,
            graph,
            tenant,
            prompts,
            new Bindings(),
            executor,
            scheduler,
            clock,
            voicemail);
  }

  /** Takes the signals of one notification body, in order. */
  public void received(List<CallSignal> signals) {
    for (CallSignal signal : signals) {
      if (signal instanceof CallSignal.IncomingCall incoming) {
        incoming(incoming);
      } else {
        route(signal);
      }
    }
  }

  @Override
  public void on(TenantEvent event) {
    CallerCall call =
        switch (event) {
          case InteractionEvent e -> byInteraction.get(e.interaction());
          case AgentEvent.PresenceChanged e -> byAgent.get(e.agent());
          default -> null;
        };
    if (call != null) {
      call.event(event);
    }
  }

  @Override
  public boolean carries(InteractionId interaction) {
    return byInteraction.containsKey(interaction);
  }

  /**
   * Carries out the agent's {@code action} on the interaction's call in stay-in-call mode ({@link
   * CallerTalk}): accepted once Graph took the request; refused while the call is not with an agent
   * or its state does not allow the action. In hand-over mode every action is refused as
   * unsupported: the caller's call is handed over to the agent's own Teams call, where the agent
   * holds, consults and transfers in Teams itself.
   */
  @Override
  public CompletionStage<Void> request(InteractionId interaction, CallAction action) {
    CallerCall call = byInteraction.get(interaction);
    if (call == null) {
      return CompletableFuture.failedFuture(
          new CallActionRefused(
              CallActionRefused.Reason.NOT_LIVE,
              "interaction " + interaction + " is not a live Extend call"));
    }
    return call.withAgent().control(action, context.settings().offerMode());
  }

  /** Calls the bot holds or watches now. */
  public int activeCalls() {
    return (int) byGraphCall.values().stream().distinct().count();
  }

  private void incoming(CallSignal.IncomingCall incoming) {
    String tenantId = incoming.tenantId();
    if (tenantId != null && !tenantId.equalsIgnoreCase(context.settings().microsoftTenantId())) {
      LOG.log(System.Logger.Level.WARNING, "call of another tenant rejected: {0}", tenantId);
      context.executor().execute(() -> reject(incoming.callId()));
      return;
    }
    CallerCall call = new CallerCall(context, incoming);
    CallerCall earlier;
    synchronized (unclaimed) {
      earlier = byGraphCall.putIfAbsent(incoming.callId(), call);
    }
    if (earlier == null) {
      call.start();
      claimed(incoming.callId()).forEach(call::signal);
    }
  }

  private void route(CallSignal signal) {
    CallerCall call;
    synchronized (unclaimed) {
      call = byGraphCall.get(signal.callId());
      if (call == null) {
        park(signal);
        return;
      }
    }
    call.signal(signal);
  }

  private void park(CallSignal signal) {
    Instant now = context.clock().instant();
    Instant oldest = now.minus(context.settings().unclaimedSignalLifetime());
    Iterator<Unclaimed> old = unclaimed.values().iterator();
    while (old.hasNext()) {
      if (old.next().since().isBefore(oldest)) {
        old.remove();
      }
    }
    if (unclaimed.size() < UNCLAIMED_LIMIT || unclaimed.containsKey(signal.callId())) {
      unclaimed
          .computeIfAbsent(signal.callId(), id -> new Unclaimed(now, new ArrayList<>()))
          .signals()
          .add(signal);
    }
  }

  private List<CallSignal> claimed(String callId) {
    synchronized (unclaimed) {
      Unclaimed waiting = unclaimed.remove(callId);
      return waiting == null ? List.of() : waiting.signals();
    }
  }

  private void reject(String callId) {
    try {
      context.graph().reject(callId, "forbidden");
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "reject refused for call " + callId, failed);
    }
  }

  private final class Bindings implements Registry {

    @Override
    public void bind(InteractionId interaction, CallerCall call) {
      byInteraction.put(interaction, call);
    }

    @Override
    public List<CallSignal> claim(String callId, CallerCall call) {
      synchronized (unclaimed) {
        byGraphCall.put(callId, call);
        Unclaimed waiting = unclaimed.remove(callId);
        return waiting == null ? List.of() : waiting.signals();
      }
    }

    @Override
    public void watchPresence(AgentId agent, CallerCall call, boolean watch) {
      if (watch) {
        byAgent.put(agent, call);
      } else {
        byAgent.remove(agent, call);
      }
    }

    @Override
    public void forget(CallerCall call) {
      byGraphCall.values().removeIf(known -> known == call);
      byAgent.values().removeIf(known -> known == call);
      InteractionId interaction = call.interaction();
      if (interaction != null) {
        byInteraction.remove(interaction, call);
      }
    }
  }
}
