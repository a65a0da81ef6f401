package io.tandem.server.prompts;

import io.tandem.media.speech.CachedSpeech;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text prompts by id: {@link #register} names a text by its cache key (a hex SHA-256 of engine,
 * voice, rate and text) and starts rendering it at 16 kHz on a virtual thread, so the file is
 * usually ready when Microsoft fetches it; {@link #wav} answers the rendering, rendering it then if
 * the early attempt failed or has not finished ({@link CachedSpeech} renders each text once).
 *
 * <p>Registered texts are remembered in memory, the last {@value #REMEMBERED} of them; an id that
 * was forgotten, or registered before a restart, is still served if its rendering is in the cache
 * directory.
 */
final class SpokenPrompts implements AutoCloseable {

  /** How many registered texts are remembered for rendering on request. */
  static final int REMEMBERED = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(SpokenPrompts.class);

  private record Text(String text, @Nullable String language) {}

  private final CachedSpeech speech;
  private final ExecutorService renderers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("prompt-tts-", 0).factory());
  private final Map<String, Text> registered =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Text> eldest) {
              return size() > REMEMBERED;
            }
          });

  SpokenPrompts(CachedSpeech speech) {
    this.speech = speech;
  }

  /**
   * The id of {@code text} spoken in {@code language}; starts rendering it unless it is cached.
   *
   * @throws IllegalArgumentException for blank or overlong text
   */
  String register(String text, @Nullable String language) {
    String id = speech.keyOf(text, language, TextToSpeech.WIDEBAND);
    if (registered.put(id, new Text(text, language)) == null && speech.cached(id).isEmpty()) {
      try {
        renderers.execute(() -> renderEarly(id, text, language));
      } catch (RejectedExecutionException e) {
        LOG.debug("Not rendering text prompt {} early: shutting down", id);
      }
    }
    return id;
  }

  /**
   * The WAV of text prompt {@code id}: from the cache, else rendered now; empty for an id that is
   * neither cached nor registered.
   *
   * @throws SpeechException when the engine cannot render it
   */
  Optional<byte[]> wav(String id) throws SpeechException {
    if (!PromptNames.isSpeechId(id)) {
      return Optional.empty();
    }
    Optional<byte[]> cached = speech.cached(id);
    if (cached.isPresent()) {
      return cached;
    }
    Text text = registered.get(id);
    if (text == null) {
      return Optional.empty();
    }
    return Optional.of(speech.render(text.text(), text.language(), TextToSpeech.WIDEBAND));
  }

  private void renderEarly(String id, String text, @Nullable String language) {
    try {
      speech.render(text, language, TextToSpeech.WIDEBAND);
    } catch (SpeechException e) {
      LOG.warn(
          "Text prompt {} cannot be rendered ({}): {}; fetching it will answer 503",
          id,
          e.reason(),
          e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Text prompt {} cannot be rendered", id, e);
    }
  }

  /** Stops rendering and waits (up to 10 s) for renderings under way to leave the cache. */
  @Override
  public void close() {
    renderers.shutdownNow();
    try {
      if (!renderers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("Text prompts still rendering after 10 s at shutdown");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
