/**
 * The emulator's HTTP surface on the JDK's built-in server: routes with path variables, replies,
 * the services' error shapes thrown as {@link io.tandem.emulator.http.HttpProblem}, and an HTTP
 * client for notifications and callbacks. Each exchange runs on a virtual thread.
 */
@NullMarked
package io.tandem.emulator.http;

import org.jspecify.annotations.NullMarked;
