package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document is served at its stable URL and describes the API. */
class OpenApiTest {

  @TempDir Path directory;

  @Test
  void openApiDocument_describesTheTenantScopedApi() {
    try (RunningServer server = RunningServer.start(directory)) {
      Answer answer = server.http().get("/v3/api-docs");

      assertThat(answer.status()).isEqualTo(200);
      JsonNode paths = answer.json().get("paths");
      assertThat(paths.has("/api/v1/tenants/{tenant}")).isTrue();
      assertThat(paths.has("/api/v1/tenants/{tenant}/agents/{agent}/wrap-up")).isTrue();
      assertThat(paths.has("/api/v1/tenants/{tenant}/statistics")).isTrue();
      assertThat(paths.has("/api/v1/tenants/{tenant}/interactions/history")).isTrue();
      JsonNode statistics = paths.get("/api/v1/tenants/{tenant}/statistics").get("get");
      assertThat(statistics.get("parameters").findValuesAsString("name"))
          .containsExactlyInAnyOrder("tenant", "Tandem-Principal");
      assertThat(answer.json().get("info").get("title").asString()).isEqualTo("Tandem API");
      assertThat(server.http().get("/v3/api-docs.yaml").status()).isEqualTo(200);
    }
  }
}
