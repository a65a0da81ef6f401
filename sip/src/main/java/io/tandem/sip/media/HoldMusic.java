package io.tandem.sip.media;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.EncodedClip;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.G711;
import io.tandem.media.playback.PromptPlayer;
import io.tandem.media.session.RtpSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What a queued caller hears on an RTP leg: music looped without a gap and, every {@code
 * announcementInterval} of music, the latest position/expected-wait announcement, after which the
 * music resumes where it paused.
 *
 * <p>The interval is counted in frames the leg's pacer sends (20 ms each), so it follows the media
 * clock. {@link #update} prepares the announcement on the caller's thread (it reads prompts) and
 * hands it to the pacer thread; until the first update, or with a position below 1, intervals pass
 * without one. {@link #stop()} silences the leg at once (the B2BUA then bridges or hangs up).
 */
public final class HoldMusic implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HoldMusic.class.getName());

  private final PromptAudio prompts;
  private final Program program;
  private final PromptPlayer player;

  private HoldMusic(RtpSession leg, EncodedClip music, PromptAudio prompts, long intervalFrames) {
    this.prompts = prompts;
    this.program = new Program(ClipSource.looping(music), intervalFrames);
    this.player = PromptPlayer.play(leg, program, outcome -> {});
  }

  /**
   * Starts {@code music} (8 kHz, e.g. {@link PromptAudio#musicOnHold()}) on {@code leg}, replacing
   * what it played.
   *
   * @param announcementInterval music between announcements; null or zero for none
   */
  public static HoldMusic start(
      RtpSession leg,
      PcmAudio music,
      PromptAudio prompts,
      @Nullable Duration announcementInterval) {
    return start(leg, new EncodedClip(music), prompts, announcementInterval);
  }

  /**
   * Like {@link #start(RtpSession, PcmAudio, PromptAudio, Duration)}, with music whose encodings
   * are shared by every leg that plays it: pass the same {@link EncodedClip} for every caller.
   */
  public static HoldMusic start(
      RtpSession leg,
      EncodedClip music,
      PromptAudio prompts,
      @Nullable Duration announcementInterval) {
    if (music.samples().length == 0) {
      throw new IllegalArgumentException("music on hold is empty");
    }
    long frames =
        announcementInterval == null || announcementInterval.isNegative()
            ? 0
            : announcementInterval.toMillis() / FrameFormat.MILLIS;
    return new HoldMusic(leg, music, prompts, frames);
  }

  /**
   * Sets what the next announcements say: "you are number {@code position} in the queue" (unless
   * {@code position} is below 1) and, if given, the expected wait; with neither, nothing is
   * announced. A prompt that cannot be read is logged and leaves no announcement.
   */
  public void update(int position, @Nullable Duration expectedWait) {
    if (position < 1 && expectedWait == null) {
      program.announcement = null;
      return;
    }
    try {
      program.announcement = joined(prompts.announcement(position, expectedWait));
    } catch (RuntimeException unavailable) {
      LOG.log(
          System.Logger.Level.WARNING,
          "position announcement unavailable: {0}",
          unavailable.getMessage());
      program.announcement = null;
    }
  }

  /** Announcements started so far. */
  public long announcementsStarted() {
    return program.started.get();
  }

  /** Whether the music still plays. */
  public boolean playing() {
    return player.state() == PromptPlayer.State.PLAYING;
  }

  /** Silences the leg. Idempotent. */
  public void stop() {
    player.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private static PcmAudio joined(List<PcmAudio> parts) {
    int length = parts.stream().mapToInt(p -> p.samples().length).sum();
    short[] samples = new short[length];
    int at = 0;
    for (PcmAudio part : parts) {
      if (part.sampleRate() != FrameFormat.SAMPLE_RATE) {
        throw new IllegalArgumentException("announcement part at " + part.sampleRate() + " Hz");
      }
      System.arraycopy(part.samples(), 0, samples, at, part.samples().length);
      at += part.samples().length;
    }
    return PcmAudio.narrowband(samples);
  }

  /** The music with announcements cut in; pulled by the pacer thread only. */
  private static final class Program implements AudioSource {
    private final ClipSource music;
    private final long intervalFrames;
    private final AtomicLong started = new AtomicLong();
    private volatile @Nullable PcmAudio announcement;
    private @Nullable ClipSource announcing;
    private long musicFrames;

    Program(ClipSource music, long intervalFrames) {
      this.music = music;
      this.intervalFrames = intervalFrames;
    }

    @Override
    public boolean read(short[] frame) {
      return current().read(frame);
    }

    @Override
    public boolean encodes(G711 codec) {
      return true;
    }

    @Override
    public boolean readEncoded(G711 codec, byte[] payload) {
      return current().readEncoded(codec, payload);
    }

    /** What this frame comes from: the announcement being cut in, a new one, or the music. */
    private ClipSource current() {
      ClipSource speaking = announcing;
      if (speaking != null && !speaking.ended()) {
        return speaking;
      }
      announcing = null;
      PcmAudio next = announcement;
      if (intervalFrames > 0 && musicFrames >= intervalFrames && next != null) {
        musicFrames = 0;
        started.incrementAndGet();
        ClipSource cut = ClipSource.once(next);
        if (!cut.ended()) {
          announcing = cut;
          return cut;
        }
      }
      musicFrames++;
      return music;
    }
  }
}
