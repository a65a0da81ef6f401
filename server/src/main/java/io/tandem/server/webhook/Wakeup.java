package io.tandem.server.webhook;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a {@link WebhookDispatcher} waits for: new events in its tenant's log (which end an idle
 * wait) and changes to its webhook or a stop (which also cut a backoff short). Each is a flag that
 * stays set until {@link #clear}, so a signal that arrives before the dispatcher waits is not lost.
 *
 * <p>Threading: thread-safe; the signalling methods never block for long (a short lock), so they
 * may run on a tenant's writer.
 */
final class Wakeup {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean eventsAppended;
  private boolean changed;

  /** The tenant appended events. */
  void eventsAppended() {
    lock.lock();
    try {
      eventsAppended = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The webhook changed (or was deleted), or the dispatcher is to stop. */
  void changed() {
    lock.lock();
    try {
      changed = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets both flags: called before the dispatcher reads its webhook and the log afresh. */
  void clear() {
    lock.lock();
    try {
      eventsAppended = false;
      changed = false;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the webhook changed since the last {@link #clear}. */
  boolean hasChanged() {
    lock.lock();
    try {
      return changed;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until events are appended or the webhook changes. */
  void awaitEventsOrChange() throws InterruptedException {
    lock.lock();
    try {
      while (!eventsAppended && !changed) {
        signalled.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the webhook changes or {@code timeout} has passed, whichever is first.
   *
   * @return whether it changed
   */
  boolean awaitChange(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!changed && nanos > 0) {
        nanos = signalled.awaitNanos(nanos);
      }
      return changed;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the webhook changes. */
  void awaitChange() throws InterruptedException {
    lock.lock();
    try {
      while (!changed) {
        signalled.await();
      }
    } finally {
      lock.unlock();
    }
  }
}
