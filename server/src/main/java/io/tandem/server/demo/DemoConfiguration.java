package io.tandem.server.demo;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.connect.ConnectChannel;
import io.tandem.server.extend.ExtendChannel;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.tenant.TenantThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The demo, on unless {@code tandem.demo.enabled=false}: reads the demo file ({@code
 * tandem.demo.definition}) when the application starts, so that a broken file stops the start with
 * every problem listed, and runs its traffic against tenant {@code tandem.demo.tenant} once the
 * application is ready (see {@link DemoLauncher}). The keys are documented in the server's README.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tandem.demo.enabled", matchIfMissing = true)
class DemoConfiguration {

  @Bean
  DemoDefinition demoDefinition(@Value("${tandem.demo.definition}") Resource file)
      throws IOException {
    return DemoFile.parse(file.getContentAsString(StandardCharsets.UTF_8), file.getDescription());
  }

  @Bean
  DemoLauncher demoLauncher(
      DemoDefinition demo,
      TenantDirectory directory,
      TenantRegistry tenants,
      TenantThreads threads,
      Clock clock,
      @Value("${tandem.demo.tenant}") String tenant,
      @Value("${tandem.demo.arrival-rate-factor}") double arrivalRateFactor,
      @Value("${tandem.demo.teams-share:0.25}") double teamsShare,
      @Value("${tandem.demo.connect-share:0.25}") double connectShare,
      @Value("${tandem.demo.connect-number:+14255550300}") String connectNumber,
      @Value("${tandem.demo.unify-share:0.25}") double unifyShare,
      @Value("${tandem.demo.unify-number:+14255550400}") String unifyNumber,
      @Value("${tandem.microsoft.tenant-id:}") String microsoftTenant,
      ObjectProvider<EmbeddedEmulator> emulator,
      ObjectProvider<ExtendChannel> bot,
      ObjectProvider<ConnectChannel> connect,
      ObjectProvider<io.tandem.server.unify.UnifyChannel> unify) {
    DemoLauncher launcher =
        new DemoLauncher(
            demo,
            directory,
            tenants,
            new TenantId(tenant),
            clock,
            threads.timers(),
            arrivalRateFactor);
    EmbeddedEmulator microsoft = emulator.getIfAvailable();
    if (microsoft != null && bot.getIfAvailable() != null && teamsShare > 0) {
      String helpLine =
          microsoft.tenant(microsoftTenant).resourceAccounts().stream()
              .map(account -> account.phoneNumber())
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the emulator's tenant has no resource account with a number to dial"));
      launcher.throughTeams(
          new ExtendDialer(
              microsoft.baseUrl(),
              helpLine,
              java.net.http.HttpClient.newHttpClient(),
              java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()),
          teamsShare);
    }
    if (microsoft != null
        && microsoft.emulator().carrierTrunks() != null
        && connect.getIfAvailable() != null
        && connectShare > 0) {
      if (teamsShare + connectShare > 1) {
        throw new IllegalStateException(
            "tandem.demo.teams-share + tandem.demo.connect-share must be at most 1, not "
                + (teamsShare + connectShare));
      }
      launcher.throughConnect(
          new ExtendDialer(
              microsoft.baseUrl(),
              connectNumber,
              java.net.http.HttpClient.newHttpClient(),
              java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()),
          connectShare);
    }
    if (microsoft != null && unify.getIfAvailable() != null && unifyShare > 0) {
      double before =
          (bot.getIfAvailable() != null ? teamsShare : 0)
              + (connect.getIfAvailable() != null ? connectShare : 0);
      if (before + unifyShare > 1) {
        throw new IllegalStateException(
            "tandem.demo.teams-share + connect-share + unify-share must be at most 1, not "
                + (before + unifyShare));
      }
      launcher.throughUnify(
          new ExtendDialer(
                  microsoft.baseUrl(),
                  unifyNumber,
                  java.net.http.HttpClient.newHttpClient(),
                  java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
              .saying(
                  java.util.List.of(
                      "Hello, I am calling about my account.",
                      "My last invoice shows a charge I do not recognise.",
                      "Could you check it and send me a corrected invoice please?")),
          unifyShare);
    }
    return launcher;
  }
}
