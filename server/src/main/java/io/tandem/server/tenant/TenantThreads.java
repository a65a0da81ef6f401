package io.tandem.server.tenant;

import io.tandem.core.time.TimerThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads every tenant shares: virtual threads that drain the tenants' mailboxes ({@code
 * tenant-N}), and one platform thread ({@code tenant-timers}) that waits for every tenant's timers
 * and hands each to its tenant's mailbox.
 */
public final class TenantThreads implements AutoCloseable {

  private final ExecutorService writers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tenant-", 0).factory());
  private final ScheduledExecutorService timers = TimerThreads.daemon("tenant-timers");

  /** Runs mailbox drains, a virtual thread each. */
  public ExecutorService writers() {
    return writers;
  }

  /** Waits for timers. */
  public ScheduledExecutorService timers() {
    return timers;
  }

  /** Drops pending timers and waits for running mailbox drains to finish. */
  @Override
  public void close() {
    timers.shutdownNow();
    writers.close();
  }
}
