package io.tandem.media.clock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pacer driven by hand: {@link #tick()} runs every scheduled task once, on the caller's thread.
 * For tests and simulations that step media time themselves.
 */
public final class ManualPacer implements Pacer {

  private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
  private long ticks;

  @Override
  public PacedTask schedule(Runnable tick) {
    Runnable task = tick::run;
    tasks.add(task);
    return () -> tasks.remove(task);
  }

  /** Advances one period: every task ticks once, in the order scheduled. */
  public void tick() {
    ticks++;
    for (Runnable task : tasks) {
      task.run();
    }
  }

  /** Advances {@code periods} periods. */
  public void tick(int periods) {
    for (int i = 0; i < periods; i++) {
      tick();
    }
  }

  /** Periods advanced so far. */
  public long ticks() {
    return ticks;
  }

  /** The periods advanced so far. */
  @Override
  public long currentPeriod() {
    return ticks;
  }

  /** Tasks currently scheduled. */
  public int scheduledTasks() {
    return tasks.size();
  }
}
