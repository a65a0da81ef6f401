package io.tandem.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.server.TandemApplication;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Http;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A server whose Microsoft tenant cannot be reached starts and routes all the same. */
class GraphUnreachableTest {

  @TempDir Path directory;

  @Test
  void start_withEntraAndGraphUnreachable_servesTheDemoAndKeepsTheAgentsAvailable() {
    try (H2Database database = new H2Database(directory);
        ConfigurableApplicationContext context =
            new SpringApplication(TandemApplication.class)
                .run(
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.main.banner-mode=off",
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--tandem.demo.arrival-rate-factor=0",
                    "--tandem.microsoft.emulator.enabled=false",
                    "--tandem.microsoft.login-base-url=http://127.0.0.1:1",
                    "--tandem.microsoft.graph-base-url=http://127.0.0.1:1/v1.0",
                    "--tandem.microsoft.tenant-id=contoso.test",
                    "--tandem.microsoft.client-id=3d2e6f9a-1b4c-4e8d-a7f0-5c9b8a7d6e01",
                    "--tandem.microsoft.client-secret=secret")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Http http = Http.to(URI.create("http://127.0.0.1:" + port));
      TeamsPresenceRouting routing = context.getBean(TeamsPresenceRouting.class);

      await().atMost(Duration.ofSeconds(20)).until(() -> routing.watchedUsers().size() == 20);
      assertThat(routing.feed().orElseThrow().subscriptions().active()).isEmpty();
      Http.Answer agent = http.get("/api/v1/tenants/demo/agents/billing-en-001");
      assertThat(agent.status()).isEqualTo(200);
      assertThat(agent.json().path("status").path("presence").asString()).isEqualTo("AVAILABLE");
      assertThat(agent.json().path("status").path("state").asString()).isEqualTo("READY");
    }
  }
}
