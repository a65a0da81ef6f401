/**
 * JMH benchmarks of routing decisions on one tenant, run by hand (see {@code bench/README.md}),
 * never by the build.
 *
 * <p>Threading: a tenant is a single writer, so every benchmark runs on one JMH thread ({@code -t
 * 1}) that owns the tenant, its {@link io.tandem.core.time.VirtualTime} and the scripted floor
 * around it. Nothing here is thread-safe.
 */
@NullMarked
package io.tandem.bench;

import org.jspecify.annotations.NullMarked;
