package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/tenants} over real HTTP, with the rejects as carefully as the happy path. */
class TenantApiTest {

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory);
    http = server.http().as("alice");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void put_createsThenRenames_andGetListsIt() {
    Answer created = http.put("/api/v1/tenants/acme", "{\"name\": \"Acme Ltd\"}");
    Answer renamed = http.put("/api/v1/tenants/acme", "{\"name\": \"Acme Group\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("name").asString()).isEqualTo("Acme Ltd");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(http.get("/api/v1/tenants/acme").json().get("name").asString())
        .isEqualTo("Acme Group");
    assertThat(http.get("/api/v1/tenants").json().findValuesAsString("id")).contains("acme");
  }

  @Test
  void get_unknownTenant_is404Problem() {
    Answer answer = http.get("/api/v1/tenants/nobody");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asString()).isEqualTo("no tenant 'nobody'");
    assertThat(answer.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void put_malformedJson_is400() {
    Answer answer = http.put("/api/v1/tenants/broken", "{\"name\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asString()).contains("not valid JSON");
    assertThat(http.get("/api/v1/tenants/broken").status()).isEqualTo(404);
  }

  @Test
  void put_unknownField_is400NamingIt() {
    Answer answer = http.put("/api/v1/tenants/acme2", "{\"name\": \"A\", \"colour\": \"red\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asString()).isEqualTo("colour");
    assertThat(answer.json().get("detail").asString()).contains("unknown field 'colour'");
  }

  @Test
  void put_missingOrBlankName_is400NamingIt() {
    assertThat(http.put("/api/v1/tenants/acme3", "{}").json().get("field").asString())
        .isEqualTo("name");
    assertThat(http.put("/api/v1/tenants/acme3", "{\"name\": \"  \"}").status()).isEqualTo(400);
    assertThat(http.put("/api/v1/tenants/acme3", "{\"name\": 7}").status()).isEqualTo(400);
  }

  @Test
  void put_invalidTenantId_is400NamingIt() {
    Answer answer = http.put("/api/v1/tenants/has%20space", "{\"name\": \"A\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asString()).isEqualTo("tenant");
  }

  @Test
  void put_withoutBodyOrWithWrongMediaType_is4xxProblem() {
    assertThat(http.send("PUT", "/api/v1/tenants/x", null, null).status()).isIn(400, 415);
    Answer text = http.send("PUT", "/api/v1/tenants/x", "name=A", "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
  }

  @Test
  void unknownPathAndWrongMethod_are404And405Problems() {
    assertThat(http.get("/api/v1/nothing-here").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/nothing-here").contentType())
        .startsWith("application/problem+json");
    assertThat(http.send("PATCH", "/api/v1/tenants", "{}", "application/json").status())
        .isEqualTo(405);
  }

  @Test
  void delete_emptyTenant_removesIt() {
    http.put("/api/v1/tenants/gone", "{\"name\": \"Gone\"}");

    assertThat(http.delete("/api/v1/tenants/gone").status()).isEqualTo(204);
    assertThat(http.get("/api/v1/tenants/gone").status()).isEqualTo(404);
    assertThat(http.delete("/api/v1/tenants/gone").status()).isEqualTo(404);
  }
}
