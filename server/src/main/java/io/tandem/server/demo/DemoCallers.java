package io.tandem.server.demo;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Interaction;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.RequirementShare;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.time.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The demo's callers: each calls, goes through the entry flow (pressing the key of the queue they
 * want, or nothing), waits in the queue until answered or until their patience runs out, talks for
 * the queue's handle time, and hangs up (or the agent does); a caller sent to voicemail speaks,
 * then hangs up.
 *
 * <p>Confined to the tenant's writer: {@link #on} runs there as a listener and only schedules; the
 * timers' actions run there too.
 */
final class DemoCallers {

  /** The number every demo caller dials. */
  static final String DIALED = "+4940555010";

  private static final DataLookup NO_LOOKUPS =
      (url, timeout) -> {
        throw new UnsupportedOperationException("the demo's entry flow makes no lookups");
      };

  /** One caller the demo placed, until their interaction is over. */
  private static final class Caller {
    Timer patience = Timer.NONE;
    boolean queued;
  }

  private final DemoDefinition demo;
  private final DemoTimers timers;
  private final SplittableRandom random;
  private final Map<InteractionId, Caller> callers = new HashMap<>();
  private @Nullable ValidatedFlow flow;
  private @Nullable ExtendDialer teams;
  private double teamsShare;
  private @Nullable ExtendDialer connect;
  private double connectShare;
  private @Nullable ExtendDialer unify;
  private double unifyShare;

  DemoCallers(DemoDefinition demo, DemoTimers timers, SplittableRandom random) {
    this.demo = demo;
    this.timers = timers;
    this.random = random;
  }

  /** The entry flow callers go through; set before the first call. */
  void useFlow(ValidatedFlow entryFlow) {
    this.flow = entryFlow;
  }

  /** Sends {@code share} (0-1) of the callers through Teams: the emulator and the Extend bot. */
  void throughTeams(ExtendDialer dialer, double share) {
    this.teams = dialer;
    this.teamsShare = share;
  }

  /**
   * Sends {@code share} (0-1) of the callers through the carrier trunk to Tandem's SIP port (the
   * Connect model), on top of the share through Teams.
   */
  void throughConnect(ExtendDialer dialer, double share) {
    this.connect = dialer;
    this.connectShare = share;
  }

  /**
   * Sends {@code share} (0-1) of the callers to the resource account linked to ACS (the Unify
   * model), on top of the shares through Teams and Connect.
   */
  void throughUnify(ExtendDialer dialer, double share) {
    this.unify = dialer;
    this.unifyShare = share;
  }

  /** Places one call from a caller who wants {@code queue}; on the tenant's writer. */
  void call(Tenant tenant, QueueScenario queue) {
    if (flow == null) {
      throw new IllegalStateException("the demo's entry flow is not set");
    }
    String from = "+4930" + (1_000_000 + random.nextInt(9_000_000));
    double channel = teams != null || connect != null || unify != null ? random.nextDouble() : 1;
    if (teams != null && channel < teamsShare) {
      dialThroughTeams(teams, from, queue);
      return;
    }
    if (connect != null && channel >= teamsShare && channel < teamsShare + connectShare) {
      dialThroughTeams(connect, from, queue); // the same scripted caller, another number
      return;
    }
    double beforeUnify = teamsShare + connectShare;
    if (unify != null && channel >= beforeUnify && channel < beforeUnify + unifyShare) {
      dialThroughTeams(unify, from, queue);
      return;
    }
    InteractionId id = tenant.arrive(null, Channel.VOICE, from, DIALED, Map.of());
    callers.put(id, new Caller());
    int priority = queue.priorityFor(random.nextDouble());
    RequirementShare requirement = queue.requirementFor(random.nextDouble());
    if (priority != 0 || requirement != null) {
      tenant.setRequirements(
          id,
          priority,
          requirement == null ? SkillExpression.ANY : requirement.skills(),
          requirement == null ? null : requirement.language());
    }
    boolean silent = random.nextDouble() < demo.callers().silentShare();
    String key = silent ? null : demo.entryMenu().keyFor(queue.queue().id());
    Duration pressAfter = sample(demo.callers().pressAfter());
    tenant.startVirtualAssistant(
        id,
        flow,
        new CallerMedia(id, timers, demo.callers().promptLength(), key, pressAfter),
        NO_LOOKUPS);
  }

  /**
   * A caller of the emulator's PSTN who dials the resource account: the Extend bot answers, and the
   * caller presses the queue's key after the greeting, talks for the queue's handle time and waits
   * for the queue's patience (plus the time in the virtual assistant).
   */
  private void dialThroughTeams(ExtendDialer dialer, String from, QueueScenario queue) {
    boolean silent = random.nextDouble() < demo.callers().silentShare();
    Duration inAssistant = demo.callers().promptLength().multipliedBy(2);
    Distribution patience = queue.patience();
    dialer.dial(
        from,
        silent ? null : demo.entryMenu().keyFor(queue.queue().id()),
        inAssistant.plus(sample(demo.callers().pressAfter())),
        sample(queue.handleTime()),
        inAssistant.plus(patience == null ? Duration.ofMinutes(10) : sample(patience)));
  }

  /** Reacts to an event by scheduling what the caller does next; on the tenant's writer. */
  void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Queued e -> queued(e);
      case InteractionEvent.Connected e -> {
        stopWaiting(e.interaction());
        timers.now(tenant -> talk(tenant, e.interaction()));
      }
      case InteractionEvent.CallbackRequested e -> stopWaiting(e.interaction());
      case InteractionEvent.VoicemailStarted e when callers.containsKey(e.interaction()) ->
          timers.after(
              demo.callers().voicemailLength(),
              tenant -> hangUpIn(tenant, e.interaction(), InteractionState.VOICEMAIL));
      case InteractionEvent.Disconnected e -> {
        if (e.wrapUpUntil() == null) {
          finished(e.interaction());
        }
      }
      case InteractionEvent.WrapUpCompleted e -> finished(e.interaction());
      case InteractionEvent.Abandoned e -> finished(e.interaction());
      case InteractionEvent.Ended e -> finished(e.interaction());
      case InteractionEvent.Failed e -> finished(e.interaction());
      default -> {
        // Nothing else changes what callers do.
      }
    }
  }

  /** Patience starts when the caller first joins a queue (the virtual assistant does not count). */
  private void queued(InteractionEvent.Queued queued) {
    Caller caller = callers.get(queued.interaction());
    if (caller == null || caller.queued) {
      return;
    }
    caller.queued = true;
    Distribution patience = demo.queue(queued.queue()).patience();
    if (patience != null) {
      InteractionId id = queued.interaction();
      caller.patience = timers.after(sample(patience), tenant -> giveUp(tenant, id));
    }
  }

  /** The caller's patience ran out: they hang up unless an agent has them already. */
  private static void giveUp(Tenant tenant, InteractionId id) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction != null
        && (interaction.state() == InteractionState.QUEUED
            || interaction.state() == InteractionState.RESERVED
                && interaction.callbackNumber() == null)) {
      tenant.customerHungUp(id);
    }
  }

  /** Connected: the call lasts the queue's handle time, then one side ends it. */
  private void talk(Tenant tenant, InteractionId id) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction == null || !interaction.state().isWithAgent()) {
      return;
    }
    QueueId queue = interaction.queue();
    QueueScenario scenario =
        queue != null && known(queue) ? demo.queue(queue) : demo.tenant().queues().getFirst();
    boolean agentEnds = random.nextDouble() < demo.agents().endCallShare();
    timers.after(
        sample(scenario.handleTime()),
        later -> {
          Interaction now = later.state().interaction(id);
          if (now != null && now.state().isWithAgent()) {
            if (agentEnds) {
              later.agentHungUp(id);
            } else {
              later.customerHungUp(id);
            }
          }
        });
  }

  private boolean known(QueueId queue) {
    return demo.tenant().queues().stream().anyMatch(q -> q.queue().id().equals(queue));
  }

  private static void hangUpIn(Tenant tenant, InteractionId id, InteractionState expected) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction != null && interaction.state() == expected) {
      tenant.customerHungUp(id);
    }
  }

  private void stopWaiting(InteractionId id) {
    Caller caller = callers.get(id);
    if (caller != null) {
      caller.patience.cancel();
    }
  }

  private void finished(InteractionId id) {
    Caller caller = callers.remove(id);
    if (caller != null) {
      caller.patience.cancel();
    }
  }

  private Duration sample(Distribution distribution) {
    return Duration.ofNanos(distribution.sampleNanos(random));
  }
}
