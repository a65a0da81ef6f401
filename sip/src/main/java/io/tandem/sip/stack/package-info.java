/**
 * Tandem's own SIP stack: one {@link io.tandem.sip.stack.SipEndpoint} per node with its listening
 * points (UDP, TCP, TLS), a message parser that answers malformed requests 400, the RFC 3261 §17
 * transaction layer (with RFC 6026's accepted states), incoming requests and responses read through
 * small string views, outgoing requests and responses written as text. Dialogs are the caller's.
 *
 * <p>Threading: each transport's receiving thread (UDP: one platform thread per socket; TCP/TLS: a
 * virtual thread per connection) parses a message and matches it to its transaction; new requests
 * and responses then go to the Call-ID's serial lane (virtual threads), so everything above sees
 * one call's messages one at a time, in arrival order. A TCP/TLS connection is written by its own
 * virtual thread from a bounded queue, so no other thread waits for a peer's socket. Transaction
 * timers and the endpoint's sweeps (lingering transactions, unanswered requests, connection limits)
 * run on one timer thread ({@link io.tandem.sip.stack.StackTimers}); a transaction's state is
 * guarded by its own lock.
 */
@NullMarked
package io.tandem.sip.stack;

import org.jspecify.annotations.NullMarked;
