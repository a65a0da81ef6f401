package io.tandem.server.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.server.TandemApplication;
import io.tandem.server.testing.H2Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** {@code tandem.microsoft.*}: what a configuration that cannot work is told at start. */
class MicrosoftPropertiesTest {

  private static final MicrosoftProperties.Presence PRESENCE =
      new MicrosoftProperties.Presence(
          Duration.ofSeconds(60),
          Duration.ofMinutes(2),
          Duration.ofSeconds(30),
          Duration.ofMinutes(10),
          Duration.ofMinutes(1));
  private static final MicrosoftProperties.Emulator NO_EMULATOR =
      new MicrosoftProperties.Emulator(false, "classpath:demo/emulator-world.yaml", 0);

  @TempDir Path directory;

  private static MicrosoftProperties properties(
      boolean enabled,
      @Nullable String clientId,
      @Nullable URI publicBaseUrl,
      String tandemTenant,
      MicrosoftProperties.Presence presence,
      MicrosoftProperties.Emulator emulator) {
    return new MicrosoftProperties(
        enabled,
        URI.create("https://login.microsoftonline.com"),
        URI.create("https://graph.microsoft.com/v1.0"),
        URI.create("https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration"),
        "contoso.onmicrosoft.com",
        clientId,
        "secret",
        publicBaseUrl,
        tandemTenant,
        presence,
        emulator);
  }

  @Test
  void enabled_withEverything_isAccepted() {
    MicrosoftProperties accepted =
        properties(
            true,
            "3d2e6f9a-1b4c-4e8d-a7f0-5c9b8a7d6e01",
            URI.create("https://cc.example.com"),
            "demo",
            PRESENCE,
            NO_EMULATOR);

    assertThat(accepted.clientId()).isEqualTo("3d2e6f9a-1b4c-4e8d-a7f0-5c9b8a7d6e01");
  }

  @Test
  void enabled_withoutClientId_isRefusedNamingTheKey() {
    assertThatThrownBy(() -> properties(true, null, null, "demo", PRESENCE, NO_EMULATOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tandem.microsoft.client-id is required")
        .hasMessageContaining("tandem.microsoft.emulator.enabled=true");
  }

  @Test
  void enabled_withTheEmulator_needsNoCredentials() {
    MicrosoftProperties accepted =
        properties(
            true,
            null,
            null,
            "demo",
            PRESENCE,
            new MicrosoftProperties.Emulator(true, "classpath:demo/emulator-world.yaml", 0));

    assertThat(accepted.emulator().enabled()).isTrue();
  }

  @Test
  void disabled_withoutCredentials_isAccepted() {
    assertThat(properties(false, null, null, "demo", PRESENCE, NO_EMULATOR).enabled()).isFalse();
  }

  @Test
  void enabled_withSeveralProblems_listsEveryOne() {
    MicrosoftProperties.Presence broken =
        new MicrosoftProperties.Presence(
            Duration.ofSeconds(-1),
            Duration.ZERO,
            Duration.ofSeconds(30),
            Duration.ofMinutes(59),
            Duration.ofMinutes(1));

    assertThatThrownBy(
            () ->
                properties(
                    true,
                    "app",
                    URI.create("ftp://cc.example.com/hooks?x=1"),
                    "Not A Tenant!",
                    broken,
                    NO_EMULATOR))
        .hasMessageStartingWith("invalid Microsoft connection (6 problems)")
        .hasMessageContaining(
            "tandem.microsoft.public-base-url must be an absolute http(s) URL, not"
                + " 'ftp://cc.example.com/hooks?x=1'")
        .hasMessageContaining("tandem.microsoft.public-base-url must have no query or fragment")
        .hasMessageContaining("tandem.microsoft.tandem-tenant is not a tenant id")
        .hasMessageContaining("tandem.microsoft.presence.silence-window must be positive, not PT0S")
        .hasMessageContaining("tandem.microsoft.presence.retry-after-limit must not be negative")
        .hasMessageContaining("tandem.microsoft.presence.renewal-lead must be 0-59m");
  }

  @Test
  void emulatorPort_outOfRange_isRefused() {
    assertThatThrownBy(
            () ->
                properties(
                    false,
                    null,
                    null,
                    "demo",
                    PRESENCE,
                    new MicrosoftProperties.Emulator(true, "classpath:x.yaml", 70000)))
        .hasMessageContaining("tandem.microsoft.emulator.http-port must be 0-65535, not 70000");
  }

  @Test
  void start_enabledWithoutCredentials_stopsWithTheProblems() {
    try (H2Database database = new H2Database(directory)) {
      SpringApplication application = new SpringApplication(TandemApplication.class);

      assertThatThrownBy(
              () ->
                  application.run(
                      "--spring.datasource.url=" + database.jdbcUrl(),
                      "--spring.datasource.username=" + database.username(),
                      "--spring.main.banner-mode=off",
                      "--server.port=0",
                      "--server.address=127.0.0.1",
                      "--tandem.demo.enabled=false",
                      "--tandem.microsoft.enabled=true",
                      "--tandem.microsoft.emulator.enabled=false",
                      "--tandem.microsoft.tenant-id=contoso.onmicrosoft.com"))
          .rootCause()
          .hasMessageContaining("invalid Microsoft connection (2 problems)")
          .hasMessageContaining("tandem.microsoft.client-id is required")
          .hasMessageContaining("tandem.microsoft.client-secret is required");
    }
  }
}
