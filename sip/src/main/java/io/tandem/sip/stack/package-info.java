/**
 * Tandem's small SIP interface over the JAIN-SIP reference implementation: one {@link
 * io.tandem.sip.stack.SipEndpoint} per node with its listening points (UDP, TCP, TLS), incoming
 * requests and responses read through small views, outgoing requests and responses written as text.
 * Nothing above this package imports JAIN-SIP, so the stack can be swapped.
 *
 * <p>Threading: JAIN-SIP's listener threads only create the server transaction and hand the message
 * to the Call-ID's serial lane (virtual threads); everything above sees one call's messages one at
 * a time, in arrival order. Transactions and their timers are JAIN-SIP's; dialogs are Tandem's own.
 */
@NullMarked
package io.tandem.sip.stack;

import org.jspecify.annotations.NullMarked;
