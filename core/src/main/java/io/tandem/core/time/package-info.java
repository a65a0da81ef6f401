/**
 * Injected time: the {@link io.tandem.core.time.Scheduler} port and {@link
 * io.tandem.core.time.VirtualTime} for tests and simulation. Core code reads time only from an
 * injected {@link java.time.Clock} and sets timers only through a {@code Scheduler}.
 */
@NullMarked
package io.tandem.core.time;

import org.jspecify.annotations.NullMarked;
