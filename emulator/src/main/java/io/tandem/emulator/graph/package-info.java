/**
 * What every emulated Microsoft Graph service shares: Graph's error shape ({@code
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}), the {@code
 * request-id}/{@code client-request-id} headers, and the app-token check that refuses a request
 * with 401 {@code InvalidAuthenticationToken} or 403 {@code Forbidden}.
 *
 * <p>Threading: stateless apart from the injected clock and token checker; safe on any number of
 * request threads at once.
 */
@NullMarked
package io.tandem.emulator.graph;

import org.jspecify.annotations.NullMarked;
