package io.tandem.media.clock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A pacer for thousands of tasks: the 20 ms period is cut into {@link #PHASES} phases of 1 ms, each
 * task joins the phase its first deadline falls in (rounded up, so it never ticks early and at most
 * 1 ms late), and each phase is one job on a {@link ScheduledExecutorService} that runs all its
 * tasks back to back and reschedules itself for its next absolute deadline ({@link TickSchedule},
 * with its catch-up and skip rules). Scheduling costs one executor job per phase per period instead
 * of one per task per period.
 *
 * <p>A phase with no tasks stops and costs nothing until a task joins it. Tasks spread over the
 * phases by when they were scheduled, so with an executor of several threads phases run in
 * parallel, while the ticks of one task (always in one phase) never overlap. An exception thrown by
 * a tick is swallowed so the other tasks and the stream keep going; the owner of the executor shuts
 * it down.
 */
public final class PhasedPacer implements Pacer {

  /** Phases per period; each is 1 ms wide. */
  public static final int PHASES = 20;

  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
  private static final long PHASE_NANOS = PERIOD_NANOS / PHASES;

  private final ScheduledExecutorService executor;
  private final LongSupplier nanoTime;
  private final long origin;
  private final Phase[] phases = new Phase[PHASES];

  /** A pacer on {@code executor}, reading time from {@code nanoTime} (e.g. System::nanoTime). */
  public PhasedPacer(ScheduledExecutorService executor, LongSupplier nanoTime) {
    this.executor = executor;
    this.nanoTime = nanoTime;
    this.origin = nanoTime.getAsLong();
    for (int i = 0; i < PHASES; i++) {
      phases[i] = new Phase(new TickSchedule(origin + i * PHASE_NANOS, PERIOD_NANOS));
    }
  }

  @Override
  public long currentPeriod() {
    return Math.floorDiv(nanoTime.getAsLong(), TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
  }

  @Override
  public PacedTask schedule(Runnable tick) {
    long now = nanoTime.getAsLong();
    long firstDeadline = now + PERIOD_NANOS;
    long phaseSlots = Math.ceilDiv(firstDeadline - origin, PHASE_NANOS);
    Phase phase = phases[(int) Math.floorMod(phaseSlots, (long) PHASES)];
    Member member = new Member(tick, origin + phaseSlots * PHASE_NANOS);
    phase.add(member, now);
    return () -> phase.remove(member);
  }

  /** The tasks in {@link #phases} right now (for tests and status). */
  public int tasks() {
    int count = 0;
    for (Phase phase : phases) {
      count += phase.members.size();
    }
    return count;
  }

  /** A task and the deadline of its first tick: it skips its phase's earlier runs. */
  private static final class Member {
    private final Runnable tick;
    private final long firstDeadline;
    private volatile boolean cancelled;

    Member(Runnable tick, long firstDeadline) {
      this.tick = tick;
      this.firstDeadline = firstDeadline;
    }
  }

  /** The tasks of one phase: stopped while empty, else one scheduled job per period. */
  private final class Phase {
    private final TickSchedule schedule;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private boolean running;

    Phase(TickSchedule schedule) {
      this.schedule = schedule;
    }

    synchronized void add(Member member, long now) {
      members.add(member);
      if (!running) {
        running = true;
        submit(
            (member.firstDeadline - schedule.startNanos()) / PERIOD_NANOS,
            member.firstDeadline - now);
      }
    }

    void remove(Member member) {
      member.cancelled = true;
      members.remove(member);
    }

    private void run(long number) {
      long deadline = schedule.deadline(number);
      for (Member member : members) {
        if (member.cancelled || member.firstDeadline > deadline) {
          continue;
        }
        try {
          member.tick.run();
        } catch (RuntimeException e) {
          // a failing tick must not stop the others; the task reports its own errors
        }
      }
      TickSchedule.Next next = schedule.after(number, nanoTime.getAsLong());
      synchronized (this) {
        if (members.isEmpty()) {
          running = false;
          return;
        }
        submit(next.tick(), next.delayNanos());
      }
    }

    private void submit(long number, long delayNanos) {
      try {
        executor.schedule(() -> run(number), delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shutDown) {
        running = false;
      }
    }
  }
}
