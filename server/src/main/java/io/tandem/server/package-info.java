/**
 * The Tandem server: a Spring Boot application that wires {@code core} to persistence. {@link
 * io.tandem.server.ServerConfiguration} is the one place where the parts are put together.
 *
 * <p>Threading: Spring starts the beans on the main thread; the tenants then run on their own
 * writers (see {@link io.tandem.server.tenant}). Virtual threads are on for everything Spring runs.
 */
@NullMarked
package io.tandem.server;

import org.jspecify.annotations.NullMarked;
