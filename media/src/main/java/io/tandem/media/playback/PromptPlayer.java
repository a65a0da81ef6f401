package io.tandem.media.playback;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.G711;
import io.tandem.media.session.RtpSession;
import io.tandem.media.wav.Resampler;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One playback of a prompt (or any {@link AudioSource}) into a session, reporting its end once.
 *
 * <p>States: {@code PLAYING → COMPLETED} when the source runs out (a looping prompt never does),
 * {@code PLAYING → STOPPED} on {@link #stop()}; both final, and the callback hears exactly one of
 * them. The callback runs on the pacer's thread for {@code COMPLETED} and on the caller's thread
 * for {@code STOPPED}; it must not block.
 *
 * <p>The player is itself the {@link AudioSource} the session pulls; once finished it yields no
 * more frames and the session falls silent (or plays whatever replaced it).
 */
public final class PromptPlayer implements AudioSource {

  /** Where a playback is. */
  public enum State {
    /** Frames are being sent. */
    PLAYING,
    /** The source ran out. */
    COMPLETED,
    /** Stopped before the end. */
    STOPPED
  }

  private final AudioSource source;
  private final Consumer<PlaybackOutcome> onEnd;
  private final AtomicReference<State> state = new AtomicReference<>(State.PLAYING);

  private PromptPlayer(AudioSource source, Consumer<PlaybackOutcome> onEnd) {
    this.source = source;
    this.onEnd = onEnd;
  }

  /**
   * Plays {@code prompt} (resampled to 8 kHz if need be) once into {@code session}, replacing what
   * it was playing.
   */
  public static PromptPlayer playOnce(
      RtpSession session, PcmAudio prompt, Consumer<PlaybackOutcome> onEnd) {
    return play(session, ClipSource.once(Resampler.toNarrowband(prompt)), onEnd);
  }

  /** Loops {@code prompt} into {@code session} (music on hold) until {@link #stop()}. */
  public static PromptPlayer playLooping(
      RtpSession session, PcmAudio prompt, Consumer<PlaybackOutcome> onEnd) {
    return play(session, ClipSource.looping(Resampler.toNarrowband(prompt)), onEnd);
  }

  /** Plays {@code source} into {@code session}, replacing what it was playing. */
  public static PromptPlayer play(
      RtpSession session, AudioSource source, Consumer<PlaybackOutcome> onEnd) {
    PromptPlayer player = new PromptPlayer(source, onEnd);
    session.play(player);
    return player;
  }

  /** A player of {@code source} not yet attached to a session (pull it yourself). */
  public static PromptPlayer of(AudioSource source, Consumer<PlaybackOutcome> onEnd) {
    return new PromptPlayer(source, onEnd);
  }

  /** The current state. */
  public State state() {
    return state.get();
  }

  /** Stops the playback if it is still playing; the callback hears {@code STOPPED}. */
  public void stop() {
    if (state.compareAndSet(State.PLAYING, State.STOPPED)) {
      onEnd.accept(PlaybackOutcome.STOPPED);
    }
  }

  @Override
  public boolean read(short[] frame) {
    if (state.get() != State.PLAYING) {
      return false;
    }
    return played(source.read(frame));
  }

  @Override
  public boolean encodes(G711 codec) {
    return source.encodes(codec);
  }

  @Override
  public boolean readEncoded(G711 codec, byte[] payload) {
    if (state.get() != State.PLAYING) {
      return false;
    }
    return played(source.readEncoded(codec, payload));
  }

  private boolean played(boolean frame) {
    if (frame) {
      return true;
    }
    if (state.compareAndSet(State.PLAYING, State.COMPLETED)) {
      onEnd.accept(PlaybackOutcome.COMPLETED);
    }
    return false;
  }
}
