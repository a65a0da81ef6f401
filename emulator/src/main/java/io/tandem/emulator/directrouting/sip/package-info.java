/**
 * The emulator's small SIP interface over the JAIN-SIP reference implementation: a {@link
 * io.tandem.emulator.directrouting.sip.SipNode} per simulated host, requests and responses read as
 * strings, outgoing requests written as text.
 *
 * <p>Threading: JAIN-SIP's listener threads only create server transactions, journal the message
 * and hand it to a per-Call-ID {@link io.tandem.emulator.directrouting.sip.SerialExecutor} running
 * on virtual threads; everything above this package therefore sees one call's messages one at a
 * time, in arrival order. JAIN-SIP keeps its own transaction timers; dialogs are not JAIN-SIP's.
 */
@NullMarked
package io.tandem.emulator.directrouting.sip;

import org.jspecify.annotations.NullMarked;
