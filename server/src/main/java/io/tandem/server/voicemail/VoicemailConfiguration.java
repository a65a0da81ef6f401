package io.tandem.server.voicemail;

import io.tandem.core.voicemail.VoicemailStore;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Voicemail's store on the migrated database, and the intakes the channels hand recordings to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoicemailSettings.class)
class VoicemailConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  Voicemails voicemails(DataSource dataSource) {
    return new Voicemails(dataSource);
  }

  @Bean
  VoicemailIntakes voicemailIntakes(VoicemailStore voicemails, VoicemailSettings settings) {
    return new VoicemailIntakes(voicemails, settings.limits());
  }
}
