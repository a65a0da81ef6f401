package io.tandem.sip.media;

import io.tandem.core.flow.Prompt;
import io.tandem.media.audio.PcmAudio;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The port that turns prompts into audio for RTP: 8 kHz mono 16-bit PCM.
 *
 * <p>Methods may block (file reads, text-to-speech): call them off the tenant's writer and off
 * media's pacer threads.
 */
public interface PromptAudio {

  /**
   * The audio of {@code prompt}.
   *
   * @param language the interaction's language for a text prompt without its own; null for the
   *     engine's default voice
   * @throws PromptUnavailableException when the prompt cannot be found or rendered
   */
  PcmAudio audioOf(Prompt prompt, @Nullable String language);

  /**
   * "You are number {@code position} in the queue", then, when {@code expectedWait} is given, "your
   * expected waiting time is …": the parts in playing order.
   *
   * @param position 1 for the next caller to be answered; below 1, the position is not said
   * @throws PromptUnavailableException when a part cannot be found
   */
  List<PcmAudio> announcement(int position, @Nullable Duration expectedWait);

  /** The music a queued caller hears, looped. */
  PcmAudio musicOnHold();
}
