package io.tandem.core.simulation;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Interaction;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.time.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The callers of a simulation: one lazily generated arrival stream per queue (one pending timer
 * each), and each caller's behaviour: hanging up when patience runs out, and ending the call after
 * the handle time once connected.
 *
 * <p>Each queue draws from its own random stream, and every caller's attributes (priority, extra
 * requirement, handle time, patience) are drawn at arrival, so the same seed gives the same callers
 * whatever the staffing: comparisons between staffing variants use common random numbers.
 */
final class Callers implements TenantEventListener {

  /** Calls the simulation is told about: arrivals made, and when arrivals close. */
  interface Control {
    boolean closed();

    /** One caller arrived; may close the arrivals. */
    void arrived();

    /** A stream will produce no more arrivals. */
    void streamExhausted();
  }

  private static final class Stream {
    final QueueScenario scenario;
    final QueueId queue;
    final ArrivalProcess process;
    final SplittableRandom random;

    Stream(QueueScenario scenario, SplittableRandom random) {
      this.scenario = scenario;
      this.queue = scenario.queue().id();
      this.process = new ArrivalProcess(scenario.arrivals(), scenario.arrivalsRepeatEvery());
      this.random = random;
    }
  }

  private static final class Call {
    final long handleNanos;
    @Nullable Timer patience;

    Call(long handleNanos) {
      this.handleNanos = handleNanos;
    }
  }

  private final Tenant tenant;
  private final SimulationClock clock;
  private final Control control;
  private final long endOffset;
  private final List<Stream> streams = new ArrayList<>();
  private final Map<InteractionId, Call> calls = new HashMap<>();

  /**
   * @param endOffset arrivals at or after this offset do not happen ({@link Long#MAX_VALUE} for
   *     none)
   */
  Callers(
      Tenant tenant,
      SimulationClock clock,
      Control control,
      long endOffset,
      List<QueueScenario> queues,
      SplittableRandom seeds) {
    this.tenant = tenant;
    this.clock = clock;
    this.control = control;
    this.endOffset = endOffset;
    for (QueueScenario queue : queues) {
      streams.add(new Stream(queue, seeds.split()));
    }
  }

  /** Schedules the first arrival of every stream. */
  void start() {
    streams.forEach(this::scheduleNext);
  }

  /** Callers who arrived and have not finished (waiting, talking or in wrap-up). */
  int live() {
    return calls.size();
  }

  private void scheduleNext(Stream stream) {
    long at = stream.process.next(stream.random);
    if (at >= endOffset) {
      control.streamExhausted();
      return;
    }
    clock.schedule(at, () -> arrive(stream));
  }

  private void arrive(Stream stream) {
    if (control.closed()) {
      return;
    }
    QueueScenario scenario = stream.scenario;
    SplittableRandom random = stream.random;
    int priority = scenario.priorities().isEmpty() ? 0 : scenario.priorityFor(random.nextDouble());
    RequirementShare requirement =
        scenario.requirements().isEmpty() ? null : scenario.requirementFor(random.nextDouble());
    long handle = scenario.handleTime().sampleNanos(random);
    Distribution patienceDistribution = scenario.patience();
    long patience = patienceDistribution == null ? -1 : patienceDistribution.sampleNanos(random);

    InteractionId id = tenant.arrive(null, Channel.VOICE, "caller", stream.queue.value(), Map.of());
    Call call = new Call(handle);
    calls.put(id, call);
    if (patience >= 0) {
      call.patience = clock.scheduleAfter(patience, () -> giveUp(id));
    }
    if (priority != 0 || requirement != null) {
      tenant.setRequirements(
          id,
          priority,
          requirement == null ? SkillExpression.ANY : requirement.skills(),
          requirement == null ? null : requirement.language());
    }
    tenant.enqueue(id, stream.queue, null);
    control.arrived();
    if (!control.closed()) {
      scheduleNext(stream);
    }
  }

  /** The caller's patience ran out: they hang up unless an agent has them already. */
  private void giveUp(InteractionId id) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction == null) {
      return;
    }
    InteractionState state = interaction.state();
    if (state == InteractionState.QUEUED
        || state == InteractionState.ARRIVING
        || (state == InteractionState.RESERVED && interaction.callbackNumber() == null)) {
      tenant.customerHungUp(id);
    }
  }

  private void hangUp(InteractionId id) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction != null && interaction.state().isWithAgent()) {
      tenant.customerHungUp(id);
    }
  }

  private void leaveVoicemail(InteractionId id) {
    Interaction interaction = tenant.state().interaction(id);
    if (interaction != null && interaction.state() == InteractionState.VOICEMAIL) {
      tenant.customerHungUp(id);
    }
  }

  @Override
  public void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Connected e -> {
        Call call = calls.get(e.interaction());
        if (call != null) {
          stopPatience(call);
          InteractionId id = e.interaction();
          clock.schedule(clock.offsetOf(e.at()) + call.handleNanos, () -> hangUp(id));
        }
      }
      case InteractionEvent.CallbackRequested e -> {
        Call call = calls.get(e.interaction());
        if (call != null) {
          stopPatience(call);
        }
      }
      case InteractionEvent.VoicemailStarted e -> {
        InteractionId id = e.interaction();
        clock.schedule(clock.offsetOf(e.at()), () -> leaveVoicemail(id));
      }
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
        // Other events do not change what callers do.
      }
    }
  }

  private void finished(InteractionId id) {
    Call call = calls.remove(id);
    if (call != null) {
      stopPatience(call);
    }
  }

  private static void stopPatience(Call call) {
    if (call.patience != null) {
      call.patience.cancel();
      call.patience = null;
    }
  }
}
