package io.tandem.server.extend;

import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.prompts.PromptCatalog;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.tenant.TenantThreads;
import io.tandem.server.voicemail.VoicemailIntakes;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Extend model's bot, when the Microsoft connection and the bot are both enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtendProperties.class)
@ConditionalOnExpression(ExtendConfiguration.ENABLED)
class ExtendConfiguration {

  /** Both the Microsoft connection and the bot are on (the bot is on by default). */
  static final String ENABLED =
      "${tandem.microsoft.enabled:false} and ${tandem.microsoft.extend.enabled:true}";

  @Bean
  ExtendChannel extendChannel(
      MicrosoftConnection microsoft,
      ExtendProperties properties,
      TenantRegistry tenants,
      PromptCatalog prompts,
      Clock clock,
      TenantThreads threads,
      VoicemailIntakes voicemail) {
    return new ExtendChannel(
        microsoft, properties, tenants, prompts, clock, threads.timers(), voicemail);
  }
}
