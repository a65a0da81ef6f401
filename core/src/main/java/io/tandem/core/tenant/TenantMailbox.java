package io.tandem.core.tenant;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single writer of one tenant: runs submitted commands one at a time, in submission order, on a
 * borrowed executor (a virtual thread per drain in production). Any thread may submit; the tenant's
 * state is only ever touched by the task that is draining.
 *
 * <p>This is the actor pattern: no locks inside the tenant, deterministic decisions, and the unit a
 * later scale-out moves between nodes. A failing command completes its future exceptionally and the
 * mailbox carries on with the next.
 */
public final class TenantMailbox implements Executor {

  private final Executor executor;
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** Runs commands on {@code executor}, at most one drain at a time. */
  public TenantMailbox(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code command} on the tenant's writer and completes with its result. */
  public <T> CompletableFuture<T> ask(Callable<T> command) {
    CompletableFuture<T> result = new CompletableFuture<>();
    execute(
        () -> {
          try {
            result.complete(command.call());
          } catch (Throwable failure) {
            result.completeExceptionally(failure);
          }
        });
    return result;
  }

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  public CompletableFuture<Void> tell(Runnable command) {
    return ask(
        () -> {
          command.run();
          return null;
        });
  }

  @Override
  public void execute(Runnable command) {
    inbox.add(command);
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Runnable next;
      while ((next = inbox.poll()) != null) {
        try {
          next.run();
        } catch (RuntimeException ignored) {
          // ask() reports failures through its future; a bare execute() has no one to tell.
        }
      }
    } finally {
      draining.set(false);
      if (!inbox.isEmpty()) {
        scheduleDrain();
      }
    }
  }

  /** Commands submitted and not yet started. */
  public int backlog() {
    return inbox.size();
  }
}
