package io.tandem.sip.b2bua;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.FlowRun;
import io.tandem.media.record.MessageRecorder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The RTP side of one leg of a call: its SDP, what it plays (the virtual assistant's prompts, music
 * on hold with announcements) and the relay to the other leg. Runs on the call's lane; audio flows
 * on the media module's threads.
 */
interface LegMedia extends AutoCloseable {

  /** The SDP Tandem sends for this leg: the answer to the carrier's offer, or the agent offer. */
  String localSdp();

  /** Takes the SDP answer of the agent leg; throws {@link MediaRefusedException} if unusable. */
  void answered(String sdp) throws MediaRefusedException;

  /**
   * Answers a new offer of the far end in the dialog (a re-INVITE: hold, unhold, a new address) on
   * the same RTP session; the leg's {@link #localSdp()} becomes that answer. The leg is unchanged
   * when it throws {@link MediaRefusedException} (malformed 400, no G.711 or another codec than the
   * one running 488).
   */
  Reoffer reoffered(String sdp) throws MediaRefusedException;

  /** The virtual assistant's media on this leg, reporting through {@code report}. */
  FlowMedia flowMedia(Consumer<Consumer<FlowRun>> report);

  /** Starts (or keeps) music on hold with position announcements. */
  void holdMusic(int position, @Nullable Duration expectedWait);

  /** Stops prompts and music. */
  void silence();

  /**
   * Relays RTP both ways between this leg and {@code other}, ending what either played and any
   * relay either was in.
   */
  void relayWith(LegMedia other);

  /** Ends the relay this leg is in, on both of its legs; each then plays nothing. */
  void unrelay();

  /** Sends silence: the leg's far end keeps receiving RTP while it waits (no relay, no music). */
  void quiet();

  /**
   * Mixes this leg with {@code others} (a conference: each hears all the others), ending any relay
   * they were in; closing the result ends the mix and leaves every leg silent.
   */
  Mix mix(List<LegMedia> others);

  /**
   * Ends what the leg plays or relays, beeps, and records what the far end says as a message
   * ({@link MessageRecorder}: until {@code #}, {@code maxLength}, {@code silence} without speech,
   * or {@link MessageRecorder#stop()}); {@code done} gets it once, on the media's pacer thread.
   */
  MessageRecorder recordMessage(
      Duration maxLength, Duration silence, Consumer<MessageRecorder.Message> done);

  /** Legs mixed together until closed. */
  interface Mix extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * RTP packets received on the leg so far (a new count may start when the leg's session is
   * replaced).
   */
  long packetsReceived();

  /**
   * Whether the far end is meant to send RTP now: not when its last offer or answer made the leg
   * {@code inactive} or receive-only for it (a hold).
   */
  boolean farEndSends();

  /** Releases the leg's RTP port; nothing more is sent or received. */
  @Override
  void close();
}
