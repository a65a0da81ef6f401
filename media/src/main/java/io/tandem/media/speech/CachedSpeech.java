package io.tandem.media.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TextToSpeech} that keeps every rendering as a file {@code <key>.wav} in a directory, so
 * each text is rendered once per engine, voice and rate, across restarts too.
 *
 * <p>The key is the hex SHA-256 of {@code engine, voice, rate, text} (each followed by a NUL).
 * Concurrent requests for the same key share one rendering: the first caller renders, the others
 * wait for its result (or its {@link SpeechException}; a failure is not cached, the next request
 * tries again). Files are written to a temporary name and moved into place, so a reader never sees
 * half a file.
 *
 * <p>Size: once the files in the directory exceed {@code maxBytes}, the oldest (by modification
 * time, i.e. by when they were rendered) are deleted until they fill at most 90 % of it. The sum is
 * taken from the directory on construction and kept in memory after that; files other processes put
 * there are counted at the next start.
 */
public final class CachedSpeech implements TextToSpeech {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final String SUFFIX = ".wav";

  private final TextToSpeech engine;
  private final Path directory;
  private final long maxBytes;
  private final AtomicLong storedBytes;
  private final ConcurrentHashMap<String, CompletableFuture<byte[]>> rendering =
      new ConcurrentHashMap<>();

  /**
   * @param engine what renders texts not yet in the directory
   * @param directory where renderings are kept (created with the first one)
   * @param maxBytes the most bytes of renderings to keep, positive
   */
  public CachedSpeech(TextToSpeech engine, Path directory, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("cache size must be positive: " + maxBytes);
    }
    this.engine = engine;
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.storedBytes = new AtomicLong(CacheEviction.sizeOf(directory, SUFFIX));
  }

  /** The cache key (and file name without {@code .wav}) of one rendering. */
  public String keyOf(String text, @Nullable String language, int sampleRate) {
    TextToSpeech.validate(text, sampleRate);
    String material =
        engine.engine() + '\0' + engine.voiceFor(language) + '\0' + sampleRate + '\0' + text + '\0';
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The rendering stored under {@code key}, if there is one (an invalid key has none). */
  public Optional<byte[]> cached(String key) {
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(directory.resolve(key + SUFFIX)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] render(String text, @Nullable String language, int sampleRate)
      throws SpeechException {
    String key = keyOf(text, language, sampleRate);
    Optional<byte[]> stored = cached(key);
    if (stored.isPresent()) {
      return stored.get();
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      byte[] wav = cached(key).orElse(null);
      if (wav == null) {
        wav = engine.render(text, language, sampleRate);
        store(key, wav);
      }
      mine.complete(wav);
      return wav;
    } catch (SpeechException | RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(key, mine);
    }
  }

  @Override
  public String engine() {
    return engine.engine();
  }

  @Override
  public String voiceFor(@Nullable String language) {
    return engine.voiceFor(language);
  }

  @Override
  public void check() throws SpeechException {
    engine.check();
  }

  private void store(String key, byte[] wav) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, key, ".part");
      Files.write(temporary, wav);
      Files.move(
          temporary,
          directory.resolve(key + SUFFIX),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a rendering in " + directory, e);
    }
    if (storedBytes.addAndGet(wav.length) > maxBytes) {
      storedBytes.set(CacheEviction.trim(directory, SUFFIX, maxBytes * 9 / 10));
    }
  }

  private static byte[] await(CompletableFuture<byte[]> running) throws SpeechException {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SpeechException speech) {
        throw new SpeechException(speech.reason(), speech.getMessage(), speech);
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
