package io.tandem.sip.stack;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time per key and in submission order, on the given executor (virtual
 * threads), so a SIP listener thread never blocks and one key's tasks never race. A key without
 * queued work holds no memory.
 */
public final class SerialLanes {

  private static final System.Logger LOG = System.getLogger(SerialLanes.class.getName());

  private final Executor executor;
  private final Map<String, Queue<Runnable>> queues = new ConcurrentHashMap<>();

  public SerialLanes(Executor executor) {
    this.executor = executor;
  }

  /** Queues {@code task} behind every earlier task of {@code key}. */
  public void execute(String key, Runnable task) {
    boolean[] first = new boolean[1];
    queues.compute(
        key,
        (k, queue) -> {
          Queue<Runnable> tasks = queue == null ? new ConcurrentLinkedQueue<>() : queue;
          first[0] = queue == null;
          tasks.add(task);
          return tasks;
        });
    if (first[0]) {
      executor.execute(() -> drain(key));
    }
  }

  private void drain(String key) {
    while (true) {
      Queue<Runnable> queue = queues.get(key);
      Runnable next = queue == null ? null : queue.peek();
      if (next == null) {
        return;
      }
      try {
        next.run();
      } catch (RuntimeException failure) {
        LOG.log(System.Logger.Level.ERROR, "task of lane " + key + " failed", failure);
      }
      boolean[] empty = new boolean[1];
      queues.computeIfPresent(
          key,
          (k, tasks) -> {
            tasks.poll();
            empty[0] = tasks.isEmpty();
            return empty[0] ? null : tasks;
          });
      if (empty[0]) {
        return;
      }
    }
  }
}
