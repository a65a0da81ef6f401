package io.tandem.server.prompts;

import io.tandem.media.speech.CachedSpeech;
import io.tandem.media.speech.EspeakNgSpeech;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How prompts are put together from {@link PromptSettings}: the text-to-speech engine (checked once
 * at start, with a warning when it cannot run; the server starts anyway), its on-disk cache, the
 * library of named prompts, and the {@link PromptCatalog} channel adapters ask for URLs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromptSettings.class)
class PromptConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(PromptConfiguration.class);

  /** The engine itself, uncached. */
  @Bean
  TextToSpeech textToSpeechEngine(PromptSettings settings) {
    TextToSpeech engine =
        settings.tts().equals(PromptSettings.NONE)
            ? new SpeechOff()
            : new EspeakNgSpeech(settings.espeakNgCommand(), settings.ttsTimeout());
    try {
      engine.check();
      LOG.info("Text prompts are spoken by {}", engine);
    } catch (SpeechException e) {
      LOG.warn(
          "Text-to-speech is unavailable, text prompts will answer 503 ({}): {}",
          e.reason(),
          e.getMessage());
    }
    return engine;
  }

  /** The engine behind its cache: what anyone asking for a {@link TextToSpeech} gets. */
  @Bean
  @Primary
  CachedSpeech cachedSpeech(
      @Qualifier("textToSpeechEngine") TextToSpeech textToSpeechEngine, PromptSettings settings) {
    return new CachedSpeech(
        textToSpeechEngine, settings.cacheDirectory(), settings.cacheMaxSize().toBytes());
  }

  @Bean
  SpokenPrompts spokenPrompts(CachedSpeech cachedSpeech) {
    return new SpokenPrompts(cachedSpeech);
  }

  @Bean
  PromptLibrary promptLibrary(PromptSettings settings) {
    PromptLibrary library = new PromptLibrary(settings.directory());
    LOG.info("Operator prompts are read from {}", library.directory());
    return library;
  }

  @Bean
  PromptCatalog promptCatalog(PromptSettings settings, SpokenPrompts spokenPrompts) {
    return new PromptCatalog(settings.base(), spokenPrompts);
  }

  @Bean
  TextToSpeechHealth textToSpeechHealthIndicator(CachedSpeech cachedSpeech) {
    return new TextToSpeechHealth(cachedSpeech);
  }
}
