package io.tandem.media.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.session.RecordingRtpListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhasedPacerTest {

  private static final long MS = 1_000_000;

  /** An executor that records what it is asked to schedule and runs nothing by itself. */
  private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
    final Deque<Runnable> tasks = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();

    RecordingExecutor() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      tasks.add(command);
      delays.add(unit.toNanos(delay));
      return super.schedule(() -> {}, 1, TimeUnit.DAYS);
    }

    void runNext() {
      tasks.removeFirst().run();
    }
  }

  @Test
  void tasksScheduledInTheSameMillisecond_shareOneJob_dueOnePeriodLater() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(1000 * MS);
    List<String> ticks = new ArrayList<>();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, now::get);
      now.set(1000 * MS + MS / 2);
      pacer.schedule(() -> ticks.add("a")); // due at 1020.5 ms: the 1021 ms phase
      now.set(1001 * MS);
      pacer.schedule(() -> ticks.add("b")); // due at 1021 ms

      assertThat(executor.tasks).hasSize(1);
      assertThat(executor.delays).containsExactly(20 * MS + MS / 2);
      now.set(1022 * MS); // one ms late
      executor.runNext();

      assertThat(ticks).containsExactly("a", "b");
      assertThat(executor.delays).containsExactly(20 * MS + MS / 2, 19 * MS);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aTaskNeverTicksBeforeOnePeriod_andAtMostOneMillisecondAfter() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(0);
    AtomicInteger ticks = new AtomicInteger();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, now::get);
      now.set(7 * MS + 300_000);
      pacer.schedule(ticks::incrementAndGet);

      assertThat(executor.delays).containsExactly(20 * MS + 700_000); // the 28 ms phase
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aTaskJoiningARunningPhase_skipsTheRunsBeforeItsFirstDeadline() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(0);
    List<String> ticks = new ArrayList<>();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, now::get);
      pacer.schedule(() -> ticks.add("early")); // phase 0, due at 20 ms
      now.set(10 * MS);
      pacer.schedule(() -> ticks.add("late")); // due at 30 ms: phase 10, its own job
      now.set(19 * MS + 500_000);
      pacer.schedule(() -> ticks.add("joiner")); // due at 39.5 ms: rounds up to phase 0, 40 ms

      now.set(20 * MS);
      executor.runNext(); // phase 0 at 20 ms
      assertThat(ticks).containsExactly("early");
      now.set(30 * MS);
      executor.runNext(); // phase 10 at 30 ms
      now.set(40 * MS);
      executor.runNext(); // phase 0 at 40 ms

      assertThat(ticks).containsExactly("early", "late", "early", "joiner");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aCancelledTask_stopsTicking_andAnEmptyPhaseStops() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(0);
    AtomicInteger ticks = new AtomicInteger();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, now::get);
      Pacer.PacedTask task = pacer.schedule(ticks::incrementAndGet);
      task.cancel();
      now.set(20 * MS);
      executor.runNext();

      assertThat(ticks).hasValue(0);
      assertThat(executor.tasks).isEmpty();
      assertThat(pacer.tasks()).isZero();

      pacer.schedule(ticks::incrementAndGet);
      assertThat(executor.tasks).hasSize(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aThrowingTick_doesNotStopItsNeighbours() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicInteger ticks = new AtomicInteger();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, () -> 0);
      pacer.schedule(
          () -> {
            throw new IllegalStateException("bug in a tick");
          });
      pacer.schedule(ticks::incrementAndGet);

      executor.runNext();
      executor.runNext();

      assertThat(ticks).hasValue(2);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aPhaseFarBehind_skipsToTheCurrentPeriod() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(0);
    try {
      PhasedPacer pacer = new PhasedPacer(executor, now::get);
      pacer.schedule(() -> {});
      now.set(20 * MS + 200 * MS); // ten periods late: beyond the catch-up
      executor.runNext();

      assertThat(executor.delays).containsExactly(20 * MS, 20 * MS);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void onARealExecutorWithTwoThreads_everyTaskTicks_andNoTaskOverlapsItself() {
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    int taskCount = 200;
    AtomicInteger[] ticks = new AtomicInteger[taskCount];
    AtomicInteger[] running = new AtomicInteger[taskCount];
    ConcurrentLinkedQueue<Integer> overlaps = new ConcurrentLinkedQueue<>();
    List<Pacer.PacedTask> tasks = new ArrayList<>();
    try {
      PhasedPacer pacer = new PhasedPacer(executor, System::nanoTime);
      for (int i = 0; i < taskCount; i++) {
        int index = i;
        ticks[i] = new AtomicInteger();
        running[i] = new AtomicInteger();
        tasks.add(
            pacer.schedule(
                () -> {
                  if (running[index].incrementAndGet() > 1) {
                    overlaps.add(index);
                  }
                  ticks[index].incrementAndGet();
                  running[index].decrementAndGet();
                }));
      }

      RecordingRtpListener.await(
          () -> java.util.Arrays.stream(ticks).allMatch(t -> t.get() >= 5), "five ticks each");
      tasks.forEach(Pacer.PacedTask::cancel);
      assertThat(overlaps).isEmpty();
      assertThat(pacer.tasks()).isZero();
    } finally {
      executor.shutdownNow();
    }
  }
}
