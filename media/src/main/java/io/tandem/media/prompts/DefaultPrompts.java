package io.tandem.media.prompts;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tandem's default prompts: US-English 8 kHz 16-bit mono PCM WAV files shipped in this module, each
 * named by a short word ({@code welcome}, {@code please-hold}, {@code music-on-hold}, the numbers
 * {@code 0}-{@code 20}, {@code 30}, {@code 40}, {@code 50}, {@code 60} …, see {@link #names()}),
 * and the announcements composed of them.
 *
 * <p>A flow refers to one as {@code prompt:<name>}; channels play the files in the order {@link
 * #position} and {@link #expectedWait} list them.
 */
public final class DefaultPrompts {

  /** The music on hold, a 24-second loop ({@link MusicOnHold}). */
  public static final String MUSIC_ON_HOLD = "music-on-hold";

  /** Waits of more than this many minutes are announced as "more than 60 minutes". */
  public static final int LONGEST_WAIT_MINUTES = 60;

  private static final String RESOURCES = "/io/tandem/media/prompts/";
  private static final List<String> NAMES = names(DefaultPromptTexts.all().sequencedKeySet());

  private DefaultPrompts() {}

  /** Every default prompt's name: the spoken ones in a stable order, then the music on hold. */
  public static List<String> names() {
    return NAMES;
  }

  /** Whether {@code name} is a default prompt. */
  public static boolean exists(String name) {
    return NAMES.contains(name);
  }

  /** The WAV file of the default prompt {@code name}, or empty for a name that is none. */
  public static Optional<byte[]> open(String name) {
    if (!exists(name)) {
      return Optional.empty();
    }
    try (InputStream in = DefaultPrompts.class.getResourceAsStream(RESOURCES + name + ".wav")) {
      if (in == null) {
        throw new IllegalStateException("default prompt '" + name + "' is missing from the jar");
      }
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read default prompt '" + name + "'", e);
    }
  }

  /** The default prompt {@code name} decoded, or empty for a name that is none. */
  public static Optional<PcmAudio> audio(String name) {
    return open(name).map(WavReader::read);
  }

  /**
   * "You are number {@code position} in the queue": {@code you-are-number}, the number ({@code 3};
   * {@code 40}, {@code 2} for 42; digits from 70 on), {@code in-the-queue}.
   *
   * @param position 1 for the next caller to be answered
   */
  public static List<String> position(int position) {
    if (position < 1) {
      throw new IllegalArgumentException("queue positions start at 1: " + position);
    }
    List<String> names = new ArrayList<>();
    names.add("you-are-number");
    names.addAll(NumberPrompts.of(position));
    names.add("in-the-queue");
    return List.copyOf(names);
  }

  /**
   * "Your expected waiting time is …": under a minute {@code less-than-a-minute}; otherwise the
   * wait rounded to whole minutes, then {@code minute} or {@code minutes}; over {@value
   * #LONGEST_WAIT_MINUTES} minutes {@code more-than}, {@code 60}, {@code minutes}.
   */
  public static List<String> expectedWait(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("negative wait: " + wait);
    }
    List<String> names = new ArrayList<>();
    names.add("expected-wait");
    long minutes = (wait.getSeconds() + 30) / 60;
    if (wait.compareTo(Duration.ofMinutes(1)) < 0) {
      names.add("less-than-a-minute");
    } else if (minutes > LONGEST_WAIT_MINUTES) {
      names.add("more-than");
      names.addAll(NumberPrompts.of(LONGEST_WAIT_MINUTES));
      names.add("minutes");
    } else {
      names.addAll(NumberPrompts.of((int) minutes));
      names.add(minutes == 1 ? "minute" : "minutes");
    }
    return List.copyOf(names);
  }

  private static List<String> names(Iterable<String> spoken) {
    List<String> names = new ArrayList<>();
    spoken.forEach(names::add);
    names.add(MUSIC_ON_HOLD);
    return List.copyOf(names);
  }
}
