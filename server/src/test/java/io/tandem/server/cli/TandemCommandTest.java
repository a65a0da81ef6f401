package io.tandem.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem config …} against a running server, and {@code tandem simulate} in-process. */
class TandemCommandTest {

  @TempDir static Path directory;
  static RunningServer server;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory);
    server.http().put("/api/v1/tenants/demo", "{\"name\": \"Demo\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private int run(String... args) {
    return TandemCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String url() {
    return server.base().toString();
  }

  @Test
  void configApply_thenExport_roundTrips() throws IOException {
    Path file = directory.resolve("tenant.yaml");
    Files.writeString(
        file,
        "skills: [{name: billing}]\nqueues:\n  - id: billing\n    stages: [{skills: billing}]\n");
    Path exported = directory.resolve("exported.yaml");

    int applied = run("config", "apply", "-f", file.toString(), "--server", url());
    int export =
        run("config", "export", "-o", exported.toString(), "--server", url(), "--tenant", "demo");

    assertThat(applied).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Applied:").contains("queues").contains("[\"billing\"]");
    assertThat(export).isZero();
    assertThat(Files.readString(exported)).contains("id: billing").contains("ringTimeout: 15s");
    assertThat(run("config", "apply", "-f", exported.toString(), "--server", url())).isZero();
    assertThat(out.toString()).contains("unchanged 1");
  }

  @Test
  void configApply_invalidDocument_printsEveryProblem_andExits2() throws IOException {
    Path file = directory.resolve("bad.yaml");
    Files.writeString(file, "queues:\n  - id: q\n    businessHours: nope\n    ringTimeout: soon\n");

    int code = run("config", "apply", "-f", file.toString(), "--server", url(), "--dry-run");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("queues[0].ringTimeout:");
  }

  @Test
  void configApply_unknownTenantOrNoServer_exits1_andBadUsage2() throws IOException {
    Path file = directory.resolve("empty.yaml");
    Files.writeString(file, "skills: []\n");

    assertThat(run("config", "apply", "-f", file.toString(), "--server", url(), "--tenant", "x"))
        .isEqualTo(1);
    assertThat(run("config", "export", "--server", "http://127.0.0.1:1")).isEqualTo(1);
    assertThat(run("config", "apply")).isEqualTo(2);
    assertThat(run("config", "frobnicate")).isEqualTo(2);
    assertThat(run("config", "apply", "-f", directory.resolve("missing.yaml").toString()))
        .isEqualTo(2);
  }

  @Test
  void simulate_runsTheSimulator_withScenarioOption() throws IOException {
    Path scenario = directory.resolve("missing-scenario.yaml");

    assertThat(TandemCommand.isCommand(new String[] {"simulate"})).isTrue();
    assertThat(TandemCommand.isCommand(new String[] {"--server.port=0"})).isFalse();
    assertThat(run("simulate", "--scenario", scenario.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such scenario file");
    assertThat(run("simulate", "--help")).isZero();
  }
}
