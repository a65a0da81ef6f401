package io.tandem.server.prompts;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.prompts.DefaultPrompts;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.media.wav.MalformedWavException;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavReader;
import io.tandem.media.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named prompts as served over HTTP: the operator's {@code <name>.wav} in the prompt directory if
 * there is one, else media's default prompt of that name; either converted to 16 kHz 16-bit mono
 * PCM (the format Graph's {@code mediaInfo} requires) and kept converted in memory. An operator
 * file is converted again when its size or modification time changes.
 */
final class PromptLibrary {

  /** One prompt ready to serve: its WAV bytes and their entity tag. */
  record PromptAudio(byte[] wav, String etag) {}

  /** An operator's file that is not a WAV this server reads. */
  static final class UnreadablePromptException extends RuntimeException {
    UnreadablePromptException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Converted(FileTime modified, long size, PromptAudio audio) {}

  private final Path directory;
  private final ConcurrentHashMap<String, PromptAudio> defaults = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Converted> operators = new ConcurrentHashMap<>();

  PromptLibrary(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  Path directory() {
    return directory;
  }

  /** The prompt named {@code name}, or empty when neither the operator nor the defaults have it. */
  Optional<PromptAudio> find(String name) {
    if (!PromptNames.isSafe(name)) {
      return Optional.empty();
    }
    Path file = directory.resolve(name + ".wav").normalize();
    if (file.getParent().equals(directory) && Files.isRegularFile(file)) {
      return Optional.of(operator(name, file));
    }
    if (!DefaultPrompts.exists(name)) {
      return Optional.empty();
    }
    return Optional.of(
        defaults.computeIfAbsent(name, known -> served(DefaultPrompts.audio(known).orElseThrow())));
  }

  private PromptAudio operator(String name, Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Converted known = operators.get(name);
      if (known != null
          && known.modified().equals(attributes.lastModifiedTime())
          && known.size() == attributes.size()) {
        return known.audio();
      }
      PromptAudio audio = served(WavReader.read(file));
      operators.put(name, new Converted(attributes.lastModifiedTime(), attributes.size(), audio));
      return audio;
    } catch (MalformedWavException e) {
      throw new UnreadablePromptException(
          "operator prompt " + file + " is not a WAV file this server reads: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read operator prompt " + file, e);
    }
  }

  private static PromptAudio served(PcmAudio audio) {
    byte[] wav =
        WavWriter.toBytes(Resampler.resample(audio, TextToSpeech.WIDEBAND), WavEncoding.PCM16);
    return new PromptAudio(wav, EntityTags.of(wav));
  }
}
