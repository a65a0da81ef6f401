package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The tenant's pending timers, by what they guard, so that a timer is cancelled when what it guards
 * changes (a new stage, an answered offer, an ended interaction). Every deadline is a scheduled
 * command: nothing waits on a thread.
 */
final class TenantTimers {

  /** What a timer guards. */
  enum Kind {
    ESCALATION,
    MAX_WAIT,
    PREFERENCE,
    OFFER_DEADLINE,
    WRAP_UP,
    CALLBACK_RETRY
  }

  private record Key(Kind kind, Object subject) {}

  private final Scheduler scheduler;
  private final Map<Key, Timer> pending = new HashMap<>();

  TenantTimers(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void set(Kind kind, Object subject, Instant at, Runnable task) {
    Key key = new Key(kind, subject);
    Timer previous = pending.remove(key);
    if (previous != null) {
      previous.cancel();
    }
    pending.put(
        key,
        scheduler.schedule(
            at,
            () -> {
              pending.remove(key);
              task.run();
            }));
  }

  void cancel(Kind kind, Object subject) {
    Timer timer = pending.remove(new Key(kind, subject));
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Cancels every timer that guards the interaction while it waits in a queue. */
  void cancelWaiting(InteractionId interaction) {
    cancel(Kind.ESCALATION, interaction);
    cancel(Kind.MAX_WAIT, interaction);
    cancel(Kind.PREFERENCE, interaction);
    cancel(Kind.CALLBACK_RETRY, interaction);
  }

  void cancelOffer(ReservationId reservation) {
    cancel(Kind.OFFER_DEADLINE, reservation);
  }

  void cancelWrapUp(AgentId agent) {
    cancel(Kind.WRAP_UP, agent);
  }

  /** Timers not yet fired or cancelled. */
  int pendingCount() {
    return pending.size();
  }
}
