/**
 * Media time: the {@link io.tandem.media.clock.Pacer} that calls media work every 20 ms, its real
 * implementations on a {@link java.util.concurrent.ScheduledExecutorService} (scheduled by absolute
 * deadline, so they do not drift: {@link io.tandem.media.clock.PhasedPacer} batches the tasks due
 * in the same millisecond into one job, {@link io.tandem.media.clock.ScheduledPacer} runs one job
 * per task and tick) and a manual one for tests and simulations. Ticks run on the executor's
 * threads; one task's ticks never overlap.
 */
@NullMarked
package io.tandem.media.clock;

import org.jspecify.annotations.NullMarked;
