package io.tandem.media.record;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.clock.Pacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.jitter.ReceivedAudio;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.silence.VoiceActivityDetector;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records a caller's message (voicemail) from one session into memory: what arrives, through a
 * jitter buffer, one 20 ms frame per pacer tick, until the caller presses {@code #}, the message
 * reaches its maximum length, the caller has been silent for the silence limit (from the start or
 * since they last spoke), or {@link #stop()} (the caller hung up). The message ends where the
 * caller last spoke (trailing silence and the key press are cut); a caller who never spoke leaves
 * an empty one. {@code done} receives it once, as 8 kHz 16-bit PCM WAV.
 *
 * <p>Threading: frames are read and the recording is finished on the pacer's thread; keys arrive on
 * the session's receiving thread and {@link #stop()} may come from any thread, both only setting a
 * flag the next tick reads. {@code done} runs once, on the pacer's thread, and must hand work
 * elsewhere at once.
 */
public final class MessageRecorder implements RtpListener {

  /** Why a recording ended. */
  public enum Ending {
    /** The caller pressed {@code #}. */
    KEY,
    /** The maximum length was reached. */
    MAX_LENGTH,
    /** The caller was silent for the silence limit. */
    SILENCE,
    /** {@link #stop()}: the caller hung up, or the call ended. */
    STOPPED
  }

  /**
   * A finished message.
   *
   * @param wav the message, 8 kHz 16-bit mono PCM WAV
   * @param length its length
   * @param ending why the recording ended
   */
  public record Message(byte[] wav, Duration length, Ending ending) {}

  private final ReceivedAudio received = new ReceivedAudio();
  private final VoiceActivityDetector voice = new VoiceActivityDetector();
  private final short[] samples;
  private final int silenceFrames;
  private final Consumer<Message> done;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AutoCloseable tap;
  private final Pacer.PacedTask ticking;
  private final short[] frame = new short[FrameFormat.SAMPLES];
  private int recorded;
  private int spokenUpTo;
  private int quietFrames;
  private volatile boolean keyPressed;
  private volatile boolean stopRequested;

  private MessageRecorder(
      RtpSession session,
      Pacer pacer,
      Duration maxLength,
      Duration silence,
      Consumer<Message> done) {
    this.samples =
        new short[Math.toIntExact(maxLength.toMillis() / FrameFormat.MILLIS) * FrameFormat.SAMPLES];
    this.silenceFrames = Math.toIntExact(Math.max(1, silence.toMillis() / FrameFormat.MILLIS));
    this.done = done;
    this.tap = session.tap(this);
    this.ticking = pacer.schedule(this::tick);
  }

  /**
   * Starts recording what arrives on {@code session} for at most {@code maxLength}, ending after
   * {@code silence} without speech.
   */
  public static MessageRecorder start(
      RtpSession session,
      Pacer pacer,
      Duration maxLength,
      Duration silence,
      Consumer<Message> done) {
    if (maxLength.compareTo(FrameFormat.DURATION) < 0) {
      throw new IllegalArgumentException("maxLength must be at least one frame");
    }
    return new MessageRecorder(session, pacer, maxLength, silence, done);
  }

  @Override
  public void onPacket(RtpPacket packet) {
    received.onPacket(packet);
  }

  @Override
  public void onDigit(DtmfDigit digit) {
    if (digit.symbol() == '#') {
      keyPressed = true;
    }
  }

  /** Ends the recording at the next tick with what was recorded so far (the caller hung up). */
  public void stop() {
    stopRequested = true;
  }

  private void tick() {
    if (finished.get()) {
      return;
    }
    if (stopRequested) {
      finish(Ending.STOPPED);
      return;
    }
    if (keyPressed) {
      finish(Ending.KEY);
      return;
    }
    if (!received.read(frame)) {
      Arrays.fill(frame, (short) 0);
    }
    System.arraycopy(frame, 0, samples, recorded, FrameFormat.SAMPLES);
    recorded += FrameFormat.SAMPLES;
    if (voice.isSilent(frame)) {
      quietFrames++;
    } else {
      quietFrames = 0;
      spokenUpTo = recorded;
    }
    if (recorded >= samples.length) {
      finish(Ending.MAX_LENGTH);
    } else if (quietFrames >= silenceFrames) {
      finish(Ending.SILENCE);
    }
  }

  private void finish(Ending ending) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    ticking.cancel();
    try {
      tap.close();
    } catch (Exception ignored) {
      // Removing a tap from a list does not fail.
    }
    short[] message = Arrays.copyOf(samples, Math.min(spokenUpTo, recorded));
    PcmAudio audio = PcmAudio.narrowband(message);
    done.accept(new Message(WavWriter.toBytes(audio, WavEncoding.PCM16), audio.duration(), ending));
  }
}
