package io.tandem.media.session;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfSender;
import io.tandem.media.dtmf.TelephoneEvent;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.silence.ComfortNoise;
import io.tandem.media.silence.VoiceActivityDetector;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a session sends in each 20 ms slot: the next packet of a queued RFC 4733 digit if there is
 * one (the audio of that slot is read and dropped, so sources keep time), else the next frame of
 * the current {@link AudioSource} encoded with the session's codec (taken as the source gives it
 * when it {@linkplain AudioSource#encodes encodes}, e.g. shared music on hold), else nothing (and
 * the next audio starts a talk spurt). With silence suppression, silent frames are replaced by one
 * RFC 3389 comfort-noise packet at the start of the silence and nothing after it. The slot's
 * timestamp then advances by 160 whether or not a packet went out.
 *
 * <p>Threading: {@link #run()} is the pacer's tick; {@link #play} and {@link #queue} may be called
 * from any thread.
 */
final class Transmitter implements Runnable {

  private final OutboundStream stream;
  private final G711 codec;
  private final DtmfSender dtmf;
  private final Consumer<RtpPacket> send;
  private final AtomicReference<@Nullable AudioSource> source = new AtomicReference<>();
  private final Queue<DtmfDigit> digits = new ConcurrentLinkedQueue<>();
  private final Queue<TelephoneEvent> train = new ArrayDeque<>();
  private final short[] frame = new short[FrameFormat.SAMPLES];

  /** Reused for every frame: {@code send} writes a packet out before it returns, keeping none. */
  private final byte[] encodedFrame = new byte[FrameFormat.SAMPLES];

  private final @Nullable VoiceActivityDetector voiceActivity;
  private long eventTimestamp;
  private boolean eventStart;
  private boolean inSilence;

  Transmitter(
      OutboundStream stream,
      G711 codec,
      DtmfSender dtmf,
      boolean silenceSuppression,
      Consumer<RtpPacket> send) {
    this.stream = stream;
    this.codec = codec;
    this.dtmf = dtmf;
    this.voiceActivity = silenceSuppression ? new VoiceActivityDetector() : null;
    this.send = send;
  }

  void play(@Nullable AudioSource next) {
    source.set(next);
  }

  @Nullable AudioSource playing() {
    return source.get();
  }

  void queue(DtmfDigit digit) {
    digits.add(digit);
  }

  /** Whether nothing is left to send: no source, no digit queued or being sent. */
  boolean idle() {
    return source.get() == null && digits.isEmpty() && train.isEmpty();
  }

  @Override
  public void run() {
    byte @Nullable [] encoded = voiceActivity == null ? readEncoded() : null;
    boolean haveAudio = encoded != null || readAudio();
    if (train.isEmpty() && !digits.isEmpty()) {
      DtmfDigit digit = digits.poll();
      if (digit != null) {
        train.addAll(dtmf.events(digit));
        eventTimestamp = stream.slotTimestamp();
        eventStart = true;
      }
    }
    TelephoneEvent event = train.poll();
    if (event != null) {
      send.accept(stream.event(dtmf.payloadType(), eventTimestamp, eventStart, event.toBytes()));
      eventStart = false;
    } else if (encoded != null) {
      inSilence = false;
      send.accept(stream.audio(codec.payloadType(), encoded));
    } else if (haveAudio) {
      sendAudio();
    } else {
      stream.silence();
    }
    stream.nextSlot();
  }

  /** Sends the frame, or with silence suppression one comfort-noise packet per silence. */
  private void sendAudio() {
    if (voiceActivity == null || !voiceActivity.isSilent(frame)) {
      inSilence = false;
      send.accept(stream.audio(codec.payloadType(), codec.encode(frame)));
    } else if (!inSilence) {
      inSilence = true;
      send.accept(stream.comfortNoise(ComfortNoise.describing(frame).toBytes()));
    } else {
      stream.silence();
    }
  }

  /**
   * The next frame already encoded, if the source gives it so; null if it does not (then {@link
   * #readAudio} reads it as PCM) or has ended (then that finds it ended).
   */
  private byte @Nullable [] readEncoded() {
    AudioSource current = source.get();
    if (current == null || !current.encodes(codec)) {
      return null;
    }
    return current.readEncoded(codec, encodedFrame) ? encodedFrame : null;
  }

  private boolean readAudio() {
    AudioSource current = source.get();
    if (current == null) {
      return false;
    }
    if (current.read(frame)) {
      return true;
    }
    source.compareAndSet(current, null);
    return false;
  }
}
