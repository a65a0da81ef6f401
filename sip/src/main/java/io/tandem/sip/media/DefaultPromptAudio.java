package io.tandem.sip.media;

import io.tandem.core.flow.Prompt;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.prompts.DefaultPrompts;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Prompts from the operator's prompts directory, Tandem's default prompts and a text-to-speech
 * engine, as the server's prompt catalogue names them:
 *
 * <ul>
 *   <li>{@code prompt:<name>}, {@code prompts/<name>.wav} and {@code <name>.wav} → the operator's
 *       {@code <directory>/<name>.wav} if there is one, else the default prompt {@code <name>};
 *   <li>any other relative path or {@code file:} URI ending in {@code .wav} → that file below the
 *       directory (never outside it);
 *   <li>text → the engine's rendering at 8 kHz (the prompt's own language wins).
 * </ul>
 *
 * Every file is resampled to 8 kHz. Default prompts are decoded once and kept; the operator's files
 * are read each time, so replacing one takes effect on the next play. Anything else (http URIs,
 * missing files, bad WAVs, engine failures) is a {@link PromptUnavailableException}.
 */
public final class DefaultPromptAudio implements PromptAudio {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final String PROMPT_SCHEME = "prompt:";
  private static final String WAV = ".wav";

  private final @Nullable Path directory;
  private final TextToSpeech speech;
  private final Map<String, PcmAudio> defaults = new ConcurrentHashMap<>();

  /**
   * @param directory the operator's prompts, or null for the default prompts only
   * @param speech renders text prompts (a {@code CachedSpeech} in production)
   */
  public DefaultPromptAudio(@Nullable Path directory, TextToSpeech speech) {
    this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    this.speech = speech;
  }

  @Override
  public PcmAudio audioOf(Prompt prompt, @Nullable String language) {
    return switch (prompt) {
      case Prompt.File file -> file(file.uri());
      case Prompt.Text text ->
          spoken(text.text(), text.language() != null ? text.language() : language);
    };
  }

  @Override
  public List<PcmAudio> announcement(int position, @Nullable Duration expectedWait) {
    List<String> names =
        new ArrayList<>(position > 0 ? DefaultPrompts.position(position) : List.of());
    if (expectedWait != null) {
      names.addAll(DefaultPrompts.expectedWait(expectedWait));
    }
    return names.stream().map(this::named).toList();
  }

  @Override
  public PcmAudio musicOnHold() {
    return named(DefaultPrompts.MUSIC_ON_HOLD);
  }

  private PcmAudio file(String reference) {
    if (reference.startsWith(PROMPT_SCHEME)) {
      return named(reference.substring(PROMPT_SCHEME.length()));
    }
    String path = reference;
    try {
      URI uri = new URI(reference);
      if (uri.isAbsolute()) {
        if (!uri.getScheme().toLowerCase(Locale.ROOT).equals("file") || uri.getPath() == null) {
          throw new PromptUnavailableException(
              "prompt file '"
                  + reference
                  + "': the SIP media plays prompt:, file: and relative paths only");
        }
        path = uri.getPath();
      }
    } catch (URISyntaxException notAUri) {
      // a plain relative path with characters URIs do not allow
    }
    path = path.startsWith("/") ? path.substring(1) : path;
    String bare = path.startsWith("prompts/") ? path.substring("prompts/".length()) : path;
    if (bare.endsWith(WAV)
        && NAME.matcher(bare.substring(0, bare.length() - WAV.length())).matches()) {
      return named(bare.substring(0, bare.length() - WAV.length()));
    }
    if (!path.toLowerCase(Locale.ROOT).endsWith(WAV)) {
      throw new PromptUnavailableException("prompt file '" + reference + "' is not a .wav file");
    }
    return operatorFile(path)
        .orElseThrow(
            () ->
                new PromptUnavailableException(
                    "prompt file '" + reference + "' not found in " + directory));
  }

  private PcmAudio named(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new PromptUnavailableException(
          "prompt name '" + name + "': letters, digits, '-' and '_' (up to 100)");
    }
    return operatorFile(name + WAV)
        .or(() -> builtIn(name))
        .orElseThrow(
            () ->
                new PromptUnavailableException(
                    "no prompt '" + name + "' in " + directory + " nor among the default prompts"));
  }

  private Optional<PcmAudio> builtIn(String name) {
    PcmAudio cached = defaults.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<PcmAudio> audio = DefaultPrompts.audio(name).map(Resampler::toNarrowband);
    audio.ifPresent(decoded -> defaults.put(name, decoded));
    return audio;
  }

  private Optional<PcmAudio> operatorFile(String relative) {
    if (directory == null) {
      return Optional.empty();
    }
    Path file = directory.resolve(relative).normalize();
    if (!file.startsWith(directory)) {
      throw new PromptUnavailableException(
          "prompt file '" + relative + "' is outside " + directory);
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Resampler.toNarrowband(WavReader.read(file)));
    } catch (IOException | IllegalArgumentException unreadable) {
      throw new PromptUnavailableException("prompt file " + file + " cannot be read", unreadable);
    }
  }

  private PcmAudio spoken(String text, @Nullable String language) {
    try {
      return Resampler.toNarrowband(
          WavReader.read(speech.render(text, language, TextToSpeech.NARROWBAND)));
    } catch (SpeechException | IllegalArgumentException failed) {
      throw new PromptUnavailableException(
          "cannot speak '" + text + "': " + failed.getMessage(), failed);
    }
  }
}
