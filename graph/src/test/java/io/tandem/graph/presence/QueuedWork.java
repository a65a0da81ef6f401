package io.tandem.graph.presence;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor that runs nothing until the test says so: the publisher's flushes happen exactly when
 * {@link #runAll} is called, on the test's thread.
 */
final class QueuedWork implements Executor {

  private final Queue<Runnable> queued = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    queued.add(task);
  }

  /** Runs every queued task, and those they queue, until none is left. */
  void runAll() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = queued.poll();
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }
}
