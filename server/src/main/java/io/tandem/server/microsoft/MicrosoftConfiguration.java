package io.tandem.server.microsoft;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The Microsoft side of the server: {@link MicrosoftProperties} (validated at start), the {@link
 * EmbeddedEmulator} when {@code tandem.microsoft.emulator.enabled=true}, and the {@link
 * MicrosoftConnection} when {@code tandem.microsoft.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MicrosoftProperties.class, EmulatorDirectRoutingProperties.class})
class MicrosoftConfiguration {

  @Bean
  @ConditionalOnBooleanProperty("tandem.microsoft.emulator.enabled")
  EmbeddedEmulator embeddedEmulator(
      MicrosoftProperties properties,
      EmulatorDirectRoutingProperties directRouting,
      ResourceLoader resources,
      Clock clock) {
    MicrosoftProperties.Emulator emulator = properties.emulator();
    return EmbeddedEmulator.start(
        resources.getResource(emulator.world()),
        emulator.httpPort(),
        directRouting.enabled() ? directRouting.settings() : null,
        clock);
  }

  @Bean
  @ConditionalOnBooleanProperty("tandem.microsoft.enabled")
  MicrosoftConnection microsoftConnection(
      MicrosoftProperties properties, Optional<EmbeddedEmulator> emulator, Clock clock) {
    // Optional, not ObjectProvider: Spring then closes the connection's users before the emulator.
    return MicrosoftConnection.of(properties, emulator.orElse(null), clock);
  }
}
