package io.tandem.emulator.acs;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Runs the deliveries of one call one after another, in the order they were queued, on a virtual
 * thread that exists only while there is something to deliver.
 */
final class SerialOutbox {

  private final Queue<Runnable> pending = new ArrayDeque<>();
  private boolean draining;

  void submit(Runnable delivery) {
    synchronized (pending) {
      pending.add(delivery);
      if (draining) {
        return;
      }
      draining = true;
    }
    Thread.ofVirtual().name("acs-callbacks").start(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (pending) {
        next = pending.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException failed) {
        // one failed delivery must not stop the ones after it; OutboundHttp journals failures
      }
    }
  }
}
