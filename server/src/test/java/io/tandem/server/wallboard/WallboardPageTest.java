package io.tandem.server.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.queue.QueueConfig;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The wallboard over plain HTTP: the pages, their assets from the WebJars and the waiting history
 * endpoint with its rejects. The page in a browser is {@link WallboardBrowserTest}.
 */
class WallboardPageTest {

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            directory,
            "--tandem.wallboard.default-tenant=shop",
            "--tandem.wallboard.waiting-sample-period=1s");
    http = server.http();
    assertThat(http.put("/api/v1/tenants/shop", "{\"name\": \"Shop & <Co>\"}").status())
        .isEqualTo(201);
    server
        .bean(TenantRegistry.class)
        .tenant(new TenantId("shop"))
        .tell(t -> t.configureQueue(QueueConfig.builder("billing").name("Billing").build()))
        .join();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void home_redirectsToTheDefaultTenantsWallboard() throws Exception {
    HttpResponse<Void> home =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.base().resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValue("/wallboard/shop");
  }

  @Test
  void wallboard_isHtmlWithTheTenantFilledInEscaped() {
    Answer page = http.get("/wallboard/shop");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<body data-tenant=\"shop\">")
        .contains("<title>Shop &amp; &lt;Co&gt; · Tandem wallboard</title>")
        .doesNotContain("{{");
  }

  @Test
  void wallboard_ofAnUnknownTenant_isA404Page() {
    Answer unknown = http.get("/wallboard/nobody");
    Answer invalid = http.get("/wallboard/no%20body");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("text/html");
    assertThat(unknown.body()).contains("No tenant “nobody”");
    assertThat(invalid.status()).isEqualTo(404);
  }

  @Test
  void assets_areServedWithoutVersionsInThePath() {
    assertThat(http.get("/webjars/alpinejs/dist/cdn.min.js").status()).isEqualTo(200);
    assertThat(http.get("/webjars/picocss__pico/css/pico.min.css").status()).isEqualTo(200);
    assertThat(http.get("/webjars/chartjs/dist/chart.umd.js").status()).isEqualTo(200);
    assertThat(http.get("/assets/wallboard.js").status()).isEqualTo(200);
    assertThat(http.get("/assets/wallboard.css").status()).isEqualTo(200);
  }

  @Test
  void waiting_returnsTheSamplesOfTheLastMinutes() throws InterruptedException {
    JsonNode waiting = http.get("/api/v1/tenants/shop/statistics/waiting?minutes=5").json();
    Instant deadline = Instant.now().plusSeconds(10);
    while (waiting.get("samples").isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(Duration.ofMillis(200));
      waiting = http.get("/api/v1/tenants/shop/statistics/waiting?minutes=5").json();
    }

    assertThat(waiting.get("minutes").asInt()).isEqualTo(5);
    assertThat(waiting.get("periodSeconds").asLong()).isEqualTo(1);
    JsonNode sample = waiting.get("samples").get(0);
    assertThat(sample.get("waiting").asInt()).isZero();
    assertThat(sample.get("queues").get("billing").asInt()).isZero();
    assertThat(Instant.parse(sample.get("at").asString())).isBefore(Instant.now());
  }

  @Test
  void waiting_rejects_minutesOutsideOneToSixty_andUnknownTenants() {
    for (String minutes : new String[] {"0", "61", "-1", "x"}) {
      Answer refused = http.get("/api/v1/tenants/shop/statistics/waiting?minutes=" + minutes);
      assertThat(refused.status()).as(minutes).isEqualTo(400);
      assertThat(refused.json().get("field").asString()).isEqualTo("minutes");
    }
    assertThat(http.get("/api/v1/tenants/nobody/statistics/waiting").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/tenants/shop/statistics/waiting").json().get("minutes").asInt())
        .isEqualTo(60);
  }
}
