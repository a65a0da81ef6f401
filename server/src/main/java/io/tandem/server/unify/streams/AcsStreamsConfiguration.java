package io.tandem.server.unify.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tandem.acs.streams.MediaSession;
import io.tandem.acs.streams.MediaSink;
import io.tandem.acs.streams.TranscriptSink;
import io.tandem.acs.streams.TranscriptionSession;
import io.tandem.identity.MicrosoftTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The ACS stream endpoints, in one place: {@value #TRANSCRIPTION_PATH} when a {@link
 * TranscriptSink} bean exists, {@value #MEDIA_PATH} when a {@link MediaSink} bean exists, and
 * neither unless a {@link MicrosoftTokenValidator} bean named {@value #TOKEN_VALIDATOR} (the ACS
 * callback validator, {@link MicrosoftTokenValidator#forAcsCallbacks}) checks their handshakes. The
 * open sessions of each are the beans {@code acsTranscriptionStreams} and {@code acsMediaStreams}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(AcsStreamsSettings.class)
public class AcsStreamsConfiguration implements WebSocketConfigurer {

  /** The name of the validator bean for the handshakes' Bearer tokens. */
  public static final String TOKEN_VALIDATOR = "acsCallbackTokenValidator";

  public static final String TRANSCRIPTION_PATH = "/api/acs/streams/transcription";
  public static final String MEDIA_PATH = "/api/acs/streams/media";

  private static final Logger log = LoggerFactory.getLogger(AcsStreamsConfiguration.class);

  private final AcsStreamsSettings settings;
  private final ObjectProvider<MicrosoftTokenValidator> validator;
  private final ObjectProvider<TranscriptSink> transcripts;
  private final ObjectProvider<MediaSink> media;
  private final ObjectProvider<MeterRegistry> registry;
  private final OpenStreams transcriptionStreams = new OpenStreams();
  private final OpenStreams mediaStreams = new OpenStreams();

  public AcsStreamsConfiguration(
      AcsStreamsSettings settings,
      @Qualifier(TOKEN_VALIDATOR) ObjectProvider<MicrosoftTokenValidator> validator,
      ObjectProvider<TranscriptSink> transcripts,
      ObjectProvider<MediaSink> media,
      ObjectProvider<MeterRegistry> registry) {
    this.settings = settings;
    this.validator = validator;
    this.transcripts = transcripts;
    this.media = media;
    this.registry = registry;
  }

  @Bean
  OpenStreams acsTranscriptionStreams() {
    return transcriptionStreams;
  }

  @Bean
  OpenStreams acsMediaStreams() {
    return mediaStreams;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    MicrosoftTokenValidator tokens = validator.getIfUnique();
    if (tokens == null) {
      log.info("ACS stream endpoints off: no {} bean", TOKEN_VALIDATOR);
      return;
    }
    StreamMeters meters = new StreamMeters(this.registry.getIfAvailable(SimpleMeterRegistry::new));
    int refused = settings.maxRefusedFrames();
    TranscriptSink transcriptSink = transcripts.getIfUnique();
    if (transcriptSink != null) {
      OpenStreams open = transcriptionStreams;
      register(
          registry,
          TRANSCRIPTION_PATH,
          new StreamSocketHandler(
              "transcription",
              id -> new TranscriptionSession(id, transcriptSink, refused),
              open,
              meters,
              settings.maxFrameChars()),
          new StreamHandshake(tokens, open, settings.maxConnections(), meters));
      meters.sessions("transcription", open);
    }
    MediaSink mediaSink = media.getIfUnique();
    if (mediaSink != null) {
      OpenStreams open = mediaStreams;
      register(
          registry,
          MEDIA_PATH,
          new StreamSocketHandler(
              "media",
              id -> new MediaSession(id, mediaSink, refused),
              open,
              meters,
              settings.maxFrameChars()),
          new StreamHandshake(tokens, open, settings.maxConnections(), meters));
      meters.sessions("media", open);
    }
  }

  private static void register(
      WebSocketHandlerRegistry registry,
      String path,
      StreamSocketHandler handler,
      StreamHandshake handshake) {
    // ACS is a server, not a browser: it sends no Origin, and no browser may open these.
    registry.addHandler(handler, path).addInterceptors(handshake);
    log.info("ACS stream endpoint {} on", path);
  }
}
