/**
 * What every emulated Microsoft Graph service shares: Graph's error shape ({@code
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}), the {@code
 * request-id}/{@code client-request-id} headers, the {@code @odata.context} base, the app-token
 * check that refuses a request with 401 {@code InvalidAuthenticationToken} or 403 {@code
 * Forbidden}, and the per-app, per-tenant, per-API request limits (429 {@code TooManyRequests} with
 * {@code Retry-After}). Each Graph service ({@code calls}, {@code presence}) registers its routes
 * through {@link io.tandem.emulator.graph.GraphExchange} so every answer has the same envelope.
 *
 * <p>Threading: stateless apart from the injected clock, the token checker and the throttle's
 * windows (a concurrent map updated atomically per key); safe on any number of request threads at
 * once.
 */
@NullMarked
package io.tandem.emulator.graph;

import org.jspecify.annotations.NullMarked;
