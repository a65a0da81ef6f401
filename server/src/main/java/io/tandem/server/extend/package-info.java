/**
 * The Extend model in the server: Tandem as a Teams calling bot. {@link
 * io.tandem.server.extend.GraphCallsController} receives Graph's call notifications at {@code POST
 * /api/microsoft/graph/calls}, refuses any without a valid Bearer JWT (401, nothing reaches the
 * domain), and answers 202 at once; {@link io.tandem.server.extend.ExtendChannel} hands them to the
 * Graph adapter's {@link io.tandem.graph.extend.ExtendCalls}, which drives the tenant that the
 * Microsoft tenant serves.
 *
 * <p>Threading: the controller runs on request threads (virtual threads) and never waits for the
 * domain; the channel starts lazily, once, on the first notification after the tenant exists.
 */
@NullMarked
package io.tandem.server.extend;

import org.jspecify.annotations.NullMarked;
