package io.tandem.core.tenant;

import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A serial executor with timers, e.g. for one call of a channel adapter: the call's state is
 * touched only by tasks run here, one at a time, in submission order (a mailbox on virtual
 * threads), and its timers hop here when they fire.
 */
public final class SerialLane implements Executor {

  private final TenantMailbox tasks;
  private final Scheduler scheduler;
  private final Clock clock;

  public SerialLane(Executor executor, Scheduler scheduler, Clock clock) {
    this.tasks = new TenantMailbox(executor);
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public void execute(Runnable task) {
    tasks.execute(task);
  }

  /** Runs {@code task} on this lane after {@code delay}, unless cancelled first. */
  public Timer after(Duration delay, Runnable task) {
    LaneTimer timer = new LaneTimer(task);
    timer.scheduled = scheduler.schedule(clock.instant().plus(delay), () -> execute(timer));
    return timer;
  }

  private static final class LaneTimer implements Timer, Runnable {
    private final Runnable task;
    private volatile boolean cancelled;
    private volatile Timer scheduled = Timer.NONE;

    LaneTimer(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (!cancelled) {
        task.run();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      scheduled.cancel();
    }
  }
}
