/**
 * What Azure Communication Services sends the application, parsed: Event Grid deliveries (the
 * subscription-validation handshake and {@code IncomingCall} events) and Call Automation's mid-call
 * callbacks (arrays of CloudEvents), as immutable records (MICROSOFT-CONTRACTS §3.3, §3.4).
 * Authentication of a delivery is the receiver's job before parsing; parsing never trusts sizes or
 * shapes and refuses a malformed body with {@link java.lang.IllegalArgumentException} naming the
 * field. Everything here is immutable except {@link io.tandem.acs.events.SeenEvents}, which is
 * thread-safe.
 */
@NullMarked
package io.tandem.acs.events;

import org.jspecify.annotations.NullMarked;
