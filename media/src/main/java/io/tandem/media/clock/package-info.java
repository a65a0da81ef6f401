/**
 * Media time: the {@link io.tandem.media.clock.Pacer} that calls media work every 20 ms, its real
 * implementation on a {@link java.util.concurrent.ScheduledExecutorService} (scheduled by absolute
 * deadline, so it does not drift) and a manual one for tests and simulations.
 */
@NullMarked
package io.tandem.media.clock;

import org.jspecify.annotations.NullMarked;
