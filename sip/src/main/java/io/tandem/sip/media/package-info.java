/**
 * The call legs' media on Tandem's own RTP: {@link io.tandem.sip.media.RtpPorts} opens a leg's
 * {@link io.tandem.media.session.RtpSession} on a port from the configured range, {@link
 * io.tandem.sip.media.RtpFlowMedia} is the virtual assistant's {@link
 * io.tandem.core.flow.FlowMedia} on the caller's leg, {@link io.tandem.sip.media.HoldMusic} what a
 * queued caller hears, and {@link io.tandem.sip.media.PromptAudio} the port that turns prompts into
 * 8 kHz PCM.
 *
 * <p>Threading. Four kinds of thread meet here:
 *
 * <ul>
 *   <li>the tenant's writer calls {@link io.tandem.sip.media.RtpFlowMedia#play}, {@code collect}
 *       and {@code stop} (from the flow run) and runs the input timeouts (the core {@link
 *       io.tandem.core.time.Scheduler} hands them there);
 *   <li>a loader {@link java.util.concurrent.Executor} (virtual threads) decodes files and runs
 *       text-to-speech, so neither the writer nor a pacer thread ever waits for a prompt;
 *   <li>media's pacer thread pulls audio frames (prompt ends and hold-music scheduling happen
 *       there) and never blocks;
 *   <li>each session's receiving thread delivers RFC 4733 digits (the in-band fallback delivers
 *       them on the pacer thread).
 * </ul>
 *
 * {@code RtpFlowMedia} keeps its state under one lock held only for field updates, and reports
 * outcomes only through the {@code Consumer<Consumer<FlowRun>>} it was given (the B2BUA runs them
 * on the tenant's writer), never from within play, collect or stop; a report whose play or collect
 * has been superseded by the time it runs does nothing. {@code HoldMusic} hands prepared
 * announcements to the pacer thread through a volatile field.
 */
@NullMarked
package io.tandem.sip.media;

import org.jspecify.annotations.NullMarked;
