package io.tandem.media.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.session.RecordingRtpListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScheduledPacerTest {

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
  void eachTick_isScheduledForItsAbsoluteDeadline_notAFixedDelay() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicLong now = new AtomicLong(500 * MS);
    AtomicInteger ticks = new AtomicInteger();
    try {
      new ScheduledPacer(executor, now::get).schedule(ticks::incrementAndGet);

      now.set(524 * MS); // first tick ran 4 ms late
      executor.runNext();
      now.set(541 * MS); // second tick ran 1 ms late
      executor.runNext();

      assertThat(ticks).hasValue(2);
      assertThat(executor.delays).containsExactly(20 * MS, 16 * MS, 19 * MS);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aCancelledTask_isNotRescheduled() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicInteger ticks = new AtomicInteger();
    try {
      Pacer.PacedTask task = new ScheduledPacer(executor, () -> 0).schedule(ticks::incrementAndGet);

      task.cancel();
      executor.runNext();

      assertThat(ticks).hasValue(0);
      assertThat(executor.tasks).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aThrowingTick_doesNotStopTheTicks() {
    RecordingExecutor executor = new RecordingExecutor();
    AtomicInteger ticks = new AtomicInteger();
    try {
      new ScheduledPacer(executor, () -> 0)
          .schedule(
              () -> {
                ticks.incrementAndGet();
                throw new IllegalStateException("bug in a tick");
              });

      executor.runNext();
      executor.runNext();

      assertThat(ticks).hasValue(2);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void onARealExecutor_ticksKeepComing() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger ticks = new AtomicInteger();
    try {
      Pacer.PacedTask task =
          new ScheduledPacer(executor, System::nanoTime).schedule(ticks::incrementAndGet);

      RecordingRtpListener.await(() -> ticks.get() >= 10, "ten real ticks");
      task.cancel();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void manualPacer_ticksEveryTaskOnTheCallersThread() {
    ManualPacer pacer = new ManualPacer();
    List<String> calls = new ArrayList<>();
    pacer.schedule(() -> calls.add("a"));
    Pacer.PacedTask b = pacer.schedule(() -> calls.add("b"));

    pacer.tick();
    b.cancel();
    pacer.tick(2);

    assertThat(calls).containsExactly("a", "b", "a", "a");
    assertThat(pacer.ticks()).isEqualTo(3);
  }
}
