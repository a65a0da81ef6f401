package io.tandem.core.tenant;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.QueuePlace;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Expected waits for announcements, learnt from the tenant's own calls: per queue, an exponentially
 * weighted average of the handle time (talk, and wrap-up as granted) of its recent calls; a caller
 * at position {@code p} with {@code n} logged-in agents able to take them waits about {@code p ×
 * handle time / n}. Nothing is promised before {@value #MIN_SAMPLES} calls of the queue were
 * handled since start, nor when nobody is logged in for the caller. Kept in memory only: after a
 * restart the averages are learnt anew.
 *
 * <p>Confined to the tenant's writer (a listener of its events).
 */
final class WaitEstimates implements TenantEventListener {

  /** Calls a queue must have handled before its expected wait is announced. */
  static final int MIN_SAMPLES = 3;

  /** The weight of the newest handle time in the average. */
  static final double WEIGHT = 0.2;

  /** The longest expected wait announced; beyond it, this is said. */
  static final Duration LONGEST = Duration.ofHours(2);

  private record Average(double seconds, int samples) {
    Average with(double sample) {
      return new Average(
          samples == 0 ? sample : seconds + WEIGHT * (sample - seconds), samples + 1);
    }
  }

  private final Map<QueueId, Average> handleTimes = new HashMap<>();
  private final Map<InteractionId, QueueId> queueOf = new HashMap<>();
  private final Map<InteractionId, Instant> connectedAt = new HashMap<>();

  @Override
  public void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Queued e -> queueOf.put(e.interaction(), e.queue());
      case InteractionEvent.Connected e -> connectedAt.put(e.interaction(), e.at());
      case InteractionEvent.TransferredToQueue e -> {
        handled(e.interaction(), e.at(), e.wrapUpUntil());
        queueOf.put(e.interaction(), e.queue());
      }
      case InteractionEvent.Disconnected e -> {
        handled(e.interaction(), e.at(), e.wrapUpUntil());
        if (e.wrapUpUntil() == null) {
          queueOf.remove(e.interaction());
        }
      }
      case InteractionEvent.WrapUpCompleted e -> queueOf.remove(e.interaction());
      case InteractionEvent.Ended e -> forget(e.interaction());
      case InteractionEvent.Abandoned e -> forget(e.interaction());
      case InteractionEvent.Failed e -> forget(e.interaction());
      default -> {
        // Other events change no handle time.
      }
    }
  }

  /** What the announcement of a waiting caller says now (see {@link Tenant#placeOf}). */
  QueuePlace placeOf(TenantState state, InteractionId id) {
    Interaction interaction = state.interaction(id);
    QueueId queue = interaction == null ? null : interaction.queue();
    if (queue == null || interaction.state() != InteractionState.QUEUED) {
      return QueuePlace.NONE;
    }
    int position = state.positionIn(queue, id);
    if (position < 1) {
      return QueuePlace.NONE;
    }
    Announcements announcements = Announcements.of(state.queue(queue));
    Duration expectedWait =
        announcements.announceExpectedWait()
            ? expectedWait(queue, position, state.loggedInAgentsFor(interaction))
            : null;
    return new QueuePlace(announcements.announcePosition() ? position : 0, expectedWait);
  }

  /**
   * The expected wait of the caller at {@code position} in {@code queue} with {@code agents}
   * logged-in agents able to take them, or null when it is not known.
   */
  @Nullable Duration expectedWait(QueueId queue, int position, int agents) {
    Average average = handleTimes.get(queue);
    if (average == null || average.samples() < MIN_SAMPLES || agents < 1 || position < 1) {
      return null;
    }
    double seconds = average.seconds() * position / agents;
    return seconds >= LONGEST.toSeconds() ? LONGEST : Duration.ofMillis((long) (seconds * 1000));
  }

  private void handled(InteractionId interaction, Instant at, @Nullable Instant wrapUpUntil) {
    Instant connected = connectedAt.remove(interaction);
    QueueId queue = queueOf.get(interaction);
    if (connected == null || queue == null || at.isBefore(connected)) {
      return;
    }
    Duration handle = Duration.between(connected, at);
    if (wrapUpUntil != null && wrapUpUntil.isAfter(at)) {
      handle = handle.plus(Duration.between(at, wrapUpUntil));
    }
    double seconds = handle.toMillis() / 1000.0;
    handleTimes.merge(queue, new Average(0, 0).with(seconds), (old, ignored) -> old.with(seconds));
  }

  private void forget(InteractionId interaction) {
    queueOf.remove(interaction);
    connectedAt.remove(interaction);
  }
}
