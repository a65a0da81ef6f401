/**
 * The command line of {@code tandem.jar}: {@code config apply|export} against a running server's
 * API, and {@code simulate}, dispatched by {@link io.tandem.server.TandemApplication#main} before
 * Spring starts.
 *
 * <p>Threading: each command runs on the calling thread and blocks until done.
 */
@NullMarked
package io.tandem.server.cli;

import org.jspecify.annotations.NullMarked;
