/**
 * Fixtures of the adapters' load benchmarks: a {@link io.tandem.testkit.load.Dialler} placing calls
 * at a fixed rate, bounded {@link io.tandem.testkit.load.Waits}, latency {@link
 * io.tandem.testkit.load.Samples} and {@link io.tandem.testkit.load.ResourceSample}s of the test
 * JVM.
 *
 * <p>Threading: the dialler places each call on its own virtual thread and counts with atomics;
 * waits poll on a timer thread of their own; samples are not thread-safe (their owner guards them).
 */
@NullMarked
package io.tandem.testkit.load;

import org.jspecify.annotations.NullMarked;
