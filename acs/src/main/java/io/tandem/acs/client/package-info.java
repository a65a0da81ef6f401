/**
 * A small Azure Communication Services Call Automation REST client: connection strings, HMAC-SHA256
 * request signing (or an Entra bearer token), {@code Repeatability-Request-ID} on the operations
 * that take it, retries on 5xx and 429 with {@code Retry-After} honoured, and ACS's error shape
 * surfaced as {@link io.tandem.acs.client.AcsException}. The endpoint is configuration, so the same
 * client talks to the emulator and to {@code https://<resource>.communication.azure.com}.
 *
 * <p>Threading: {@link io.tandem.acs.client.CallAutomationClient} is thread-safe and stateless
 * between calls; each operation blocks its (virtual) thread for the HTTP exchange and any retry
 * waits, which go through the {@link io.tandem.acs.client.RetryPolicy}'s sleeper. Request records
 * are immutable and validated when built.
 */
@NullMarked
package io.tandem.acs.client;

import org.jspecify.annotations.NullMarked;
