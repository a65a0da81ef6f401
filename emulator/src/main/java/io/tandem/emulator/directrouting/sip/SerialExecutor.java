package io.tandem.emulator.directrouting.sip;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Runs tasks one at a time per key (a SIP Call-ID) and in submission order, each key's tasks on a
 * virtual thread, so a listener thread never blocks and one call's messages never race.
 */
public final class SerialExecutor {

  private final Executor threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Queue<Runnable>> queues = new ConcurrentHashMap<>();

  /** Queues {@code task} behind every earlier task of {@code key}. */
  public void execute(String key, Runnable task) {
    boolean[] first = new boolean[1];
    queues.compute(
        key,
        (k, queue) -> {
          if (queue == null) {
            queue = new ConcurrentLinkedQueue<>();
            first[0] = true;
          }
          queue.add(task);
          return queue;
        });
    if (first[0]) {
      threads.execute(() -> drain(key));
    }
  }

  private void drain(String key) {
    while (true) {
      Runnable next = queues.get(key).peek();
      try {
        next.run();
      } catch (RuntimeException failure) {
        Thread.currentThread()
            .getUncaughtExceptionHandler()
            .uncaughtException(Thread.currentThread(), failure);
      }
      boolean[] done = new boolean[1];
      queues.computeIfPresent(
          key,
          (k, queue) -> {
            queue.poll();
            if (queue.isEmpty()) {
              done[0] = true;
              return null;
            }
            return queue;
          });
      if (done[0]) {
        return;
      }
    }
  }
}
