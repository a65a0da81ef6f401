package io.tandem.sip.media;

import io.tandem.core.flow.Prompt;
import io.tandem.core.time.Scheduler;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.playback.PlaybackOutcome;
import io.tandem.media.playback.PromptPlayer;
import io.tandem.media.session.RtpSession;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One prompt at a time played into a leg's RTP session: the audio is loaded on the loader (file
 * reads, text-to-speech), then played once. {@link #stop()} ends the prompt playing and keeps one
 * still loading from starting. A prompt that cannot be loaded is logged and counts as played to its
 * end, so a missing prompt never leaves the caller waiting.
 *
 * <p>Threading: {@link #play} and {@link #stop} from any thread; {@code ended} runs on the loader
 * (a prompt that could not be loaded), the tenant's scheduler (the loader is shut down) or media's
 * pacer thread (the prompt's last frame), never under this object's lock, so it may take the
 * caller's own lock (which {@code play} and {@code stop} may be called under).
 */
final class PromptPlayback {

  private static final System.Logger LOG = System.getLogger(PromptPlayback.class.getName());

  private final RtpSession leg;
  private final PromptAudio prompts;
  private final @Nullable String language;
  private final Executor loader;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Object lock = new Object();
  private long current;
  private @Nullable PromptPlayer player;

  PromptPlayback(
      RtpSession leg,
      PromptAudio prompts,
      @Nullable String language,
      Executor loader,
      Scheduler scheduler,
      Clock clock) {
    this.leg = leg;
    this.prompts = prompts;
    this.language = language;
    this.loader = loader;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Stops what plays, then loads and plays {@code prompt}; {@code ended} runs once it has played to
   * its end (not when stopped) or could not be loaded.
   */
  void play(Prompt prompt, Runnable ended) {
    long ticket;
    synchronized (lock) {
      stopPlaying();
      ticket = current;
    }
    try {
      loader.execute(() -> loaded(ticket, prompt, ended));
    } catch (RejectedExecutionException shutDown) {
      scheduler.schedule(clock.instant(), ended);
    }
  }

  /** Ends the prompt playing, if any; a prompt still loading will not start. */
  void stop() {
    synchronized (lock) {
      stopPlaying();
    }
  }

  private void stopPlaying() {
    current++;
    PromptPlayer playing = player;
    player = null;
    if (playing != null) {
      playing.stop(); // reports STOPPED, which runs nothing
    }
  }

  private void loaded(long ticket, Prompt prompt, Runnable ended) {
    PcmAudio audio;
    try {
      audio = prompts.audioOf(prompt, language);
    } catch (RuntimeException unavailable) {
      LOG.log(
          System.Logger.Level.WARNING,
          "prompt {0} cannot be played, carrying on as if it had: {1}",
          prompt,
          unavailable.getMessage());
      ended.run();
      return;
    }
    synchronized (lock) {
      if (ticket == current) {
        player =
            PromptPlayer.playOnce(
                leg,
                audio,
                outcome -> {
                  if (outcome == PlaybackOutcome.COMPLETED) {
                    ended.run(); // on the pacer thread, after this lock is released
                  }
                });
      }
    }
  }
}
