/**
 * The simulated carrier that delivers PSTN callers to a contact center over a SIP trunk: for each
 * dialled number one of the world's carrier trunks serves, an INVITE (PCMU, PCMA, telephone-event
 * 101) from the carrier to the trunk's URI over UDP, TCP or TLS, then the caller's script — RTP
 * audio from the first SDP answer on (183 early media too), RFC 4733 digits after the 2xx,
 * sentences journalled, CANCEL when patience runs out before the 2xx, BYE after {@code talkFor} —
 * and the contact center's BYE, re-INVITE, UPDATE and REFER. What each caller hears is decoded and
 * measured for the control API. Choices where no standard decides are in {@code
 * emulator/docs/carrier-trunk.md}.
 *
 * <p>Threading: the carrier's SIP node (the Direct Routing SIP wrapper) hands every message to the
 * Call-ID's serial executor (virtual threads); a {@link io.tandem.emulator.pstn.trunk.TrunkCall} is
 * changed only there, and the emulator {@link io.tandem.emulator.time.Scheduler}'s timers
 * (patience, talk time, digits, sentences) are moved there. Media runs on wall-clock time: one
 * pacer thread sends every caller's 20 ms frames, and each caller's RTP session receives on its own
 * virtual thread, where {@link io.tandem.emulator.pstn.trunk.HeardAudio} decodes and measures. The
 * control API reads snapshots taken under each call's lock.
 */
@NullMarked
package io.tandem.emulator.pstn.trunk;

import org.jspecify.annotations.NullMarked;
