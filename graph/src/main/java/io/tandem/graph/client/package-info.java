/**
 * A small Microsoft Graph REST client: app-only tokens per tenant from Entra, {@code
 * client-request-id} on every request and Graph's {@code request-id} logged, retries with backoff
 * on 5xx, {@code Retry-After} honoured on 429, one token refresh on 401, and Graph's error shape
 * surfaced as {@link io.tandem.graph.client.GraphException}. Base URLs are configuration, so the
 * same client talks to the emulator and to {@code https://graph.microsoft.com/v1.0}.
 *
 * <p>Threading: thread-safe; each call blocks its (virtual) thread for the HTTP exchange and any
 * retry waits.
 */
@NullMarked
package io.tandem.graph.client;

import org.jspecify.annotations.NullMarked;
