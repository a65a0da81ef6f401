package io.tandem.server.unify;

import io.tandem.acs.streams.MediaSink;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.prompts.PromptCatalog;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.tenant.TenantThreads;
import io.tandem.server.unify.streams.AcsStreamsConfiguration;
import io.tandem.server.voicemail.VoicemailIntakes;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Unify model's application, when the Microsoft connection and Unify are both enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UnifyProperties.class, CallbackProperties.class})
@ConditionalOnExpression(UnifyConfiguration.ENABLED)
class UnifyConfiguration {

  /** Both the Microsoft connection and Unify are on (Unify is off by default). */
  static final String ENABLED =
      "${tandem.microsoft.enabled:false} and ${tandem.microsoft.unify.enabled:false}";

  @Bean
  UnifyChannel unifyChannel(
      MicrosoftConnection microsoft,
      UnifyProperties properties,
      CallbackProperties callbacks,
      TenantRegistry tenants,
      PromptCatalog prompts,
      Clock clock,
      TenantThreads threads,
      Optional<EmbeddedEmulator> emulator,
      VoicemailIntakes voicemail) {
    return new UnifyChannel(
        microsoft,
        properties,
        callbacks,
        tenants,
        prompts,
        clock,
        threads.timers(),
        emulator.orElse(null),
        voicemail);
  }

  /** The stream endpoints check their handshakes' tokens as the callbacks' are checked. */
  @Bean(AcsStreamsConfiguration.TOKEN_VALIDATOR)
  MicrosoftTokenValidator acsCallbackTokenValidator(UnifyChannel channel) {
    return channel.callbackTokens();
  }

  /** Audio streams are accepted and measured; nothing in Tandem listens to the audio yet. */
  @Bean
  MediaSink unifyMediaSink() {
    return new MeasuredAudio();
  }
}
