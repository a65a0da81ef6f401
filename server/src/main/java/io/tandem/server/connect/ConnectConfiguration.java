package io.tandem.server.connect;

import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.media.speech.CachedSpeech;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.prompts.PromptSettings;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.tenant.TenantThreads;
import io.tandem.server.voicemail.VoicemailIntakes;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Connect model's node, when {@code tandem.sip.enabled=true}. Agents' Teams numbers come from
 * {@code tandem.sip.agent-numbers}, else, with the in-process emulator, from its Teams users.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectProperties.class)
@ConditionalOnBooleanProperty("tandem.sip.enabled")
class ConnectConfiguration {

  @Bean
  ConnectChannel connectChannel(
      ConnectProperties properties,
      TenantRegistry registry,
      PromptSettings prompts,
      CachedSpeech speech,
      TenantThreads threads,
      Clock clock,
      VoicemailIntakes voicemail,
      Optional<EmbeddedEmulator> emulator) {
    // Optional, not ObjectProvider: Spring then closes the node before the emulator.
    ServerTenants tenants =
        new ServerTenants(
            registry,
            properties.inboundTrunks().stream()
                .map(trunk -> trunk.tenant())
                .collect(Collectors.<TenantId>toSet()),
            properties.agentNumbers(),
            user ->
                emulator.flatMap(
                    running -> running.emulator().world().user(user).map(TeamsUser::phoneNumber)),
            voicemail);
    return ConnectChannel.start(
        properties, tenants, prompts.directory(), speech, threads.timers(), clock);
  }
}
