package io.tandem.core.time;

import java.time.Instant;

/**
 * A source of timers for one tenant: the task runs at (or soon after) the given instant on the
 * tenant's single writer, never concurrently with other work of that tenant.
 *
 * <p>Production binds it to a real clock and the tenant's mailbox; tests and the staffing simulator
 * bind it to {@link VirtualTime}.
 */
public interface Scheduler {

  /**
   * Schedules {@code task} to run at {@code at}; an instant in the past runs it as soon as
   * possible.
   */
  Timer schedule(Instant at, Runnable task);
}
