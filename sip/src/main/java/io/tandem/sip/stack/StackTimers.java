package io.tandem.sip.stack;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The transaction timers of an endpoint (RFC 3261 §17: A–K): tasks run once after a delay on one
 * timer thread and must not block. Tests give an endpoint timers they advance themselves.
 */
interface StackTimers extends AutoCloseable {

  /** T1, the round-trip estimate: 500 ms. */
  long T1 = 500;

  /** T2, the longest retransmission interval of non-INVITE requests and INVITE responses: 4 s. */
  long T2 = 4_000;

  /** T4, how long a message may stay in the network: 5 s. */
  long T4 = 5_000;

  /** 64·T1, the lifetime of an unanswered transaction (Timers B, F, H, J): 32 s. */
  long TIMEOUT = 64 * T1;

  /** Runs {@code task} after {@code millis}; the returned handle cancels it. */
  Pending after(long millis, Runnable task);

  /** The time these timers count in, in milliseconds from an arbitrary origin. */
  long nowMillis();

  @Override
  void close();

  /** A timer not yet run. */
  @FunctionalInterface
  interface Pending {

    Pending NONE = () -> {};

    /** Keeps the task from running if it has not; harmless twice. */
    void cancel();
  }

  /** Real timers on one daemon thread; cancelled tasks leave the queue at once. */
  static StackTimers system(String name) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("sip-timers-" + name).factory());
    executor.setRemoveOnCancelPolicy(true);
    return new StackTimers() {
      @Override
      public Pending after(long millis, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      }

      @Override
      public long nowMillis() {
        return System.nanoTime() / 1_000_000;
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
