package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.ManualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * An emulator with SIP on (no Microsoft proxies, the carrier on a free port), the {@code
 * pstn/trunk/world.yaml} world pointing its trunk at a {@link FakeContactCenter}, a manual clock,
 * and a JDK HTTP client for the control API.
 */
final class TrunkFixture implements AutoCloseable {

  final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final FakeContactCenter cc;
  final Emulator emulator;
  final HttpClient http = HttpClient.newHttpClient();

  TrunkFixture(FakeContactCenter cc) throws Exception {
    this.cc = cc;
    String world;
    try (InputStream in = TrunkFixture.class.getResourceAsStream("/pstn/trunk/world.yaml")) {
      world = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Files.createTempFile("trunk-world-", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(
        file,
        world
            .replace("{{ccPort}}", Integer.toString(cc.port()))
            .replace("{{transport}}", cc.transport)
            .replace("{{ccHost}}", cc.host()));
    DirectRoutingSettings sip =
        DirectRoutingSettings.defaults()
            .withProxies(List.of())
            .withCarrierPort(freeUdpAndTcpPort());
    emulator =
        Emulator.start(EmulatorSettings.defaults().withWorld(file).withDirectRouting(sip), clock);
  }

  CarrierTrunks carrier() {
    return emulator.carrierTrunks();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Dials through the control API and returns the call id. */
  String dial(String json) throws Exception {
    HttpResponse<String> placed = send("POST", "/emulator/pstn/calls", json);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode body = Json.parse(placed.body());
    assertThat(body.get("terminator").asString()).isEqualTo("trunk");
    String callId = body.get("callId").asString();
    assertThat(placed.headers().firstValue("Location")).hasValue("/emulator/pstn/calls/" + callId);
    return callId;
  }

  JsonNode view(String callId) throws Exception {
    HttpResponse<String> view = get("/emulator/pstn/calls/" + callId);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return Json.parse(view.body());
  }

  /** Polls the call's view until {@code condition} holds (5 s at most). */
  JsonNode awaitView(String callId, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    JsonNode view = view(callId);
    while (!condition.test(view)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the call's view never matched: " + view);
      }
      Thread.sleep(20);
      view = view(callId);
    }
    return view;
  }

  JsonNode awaitState(String callId, String state) throws Exception {
    return awaitView(callId, v -> v.get("state").asString().equals(state));
  }

  List<JournalEntry> journal(String callId, String kindPrefix) {
    return emulator
        .journal()
        .after(0, e -> callId.equals(e.callId()) && e.kind().startsWith(kindPrefix), 10_000);
  }

  List<JournalEntry> journal(Channel channel, String kindPrefix) {
    return emulator
        .journal()
        .after(0, e -> e.channel() == channel && e.kind().startsWith(kindPrefix), 10_000);
  }

  /** A port free for UDP and TCP, whose successor is free for TCP (the carrier's TLS port). */
  static int freeUdpAndTcpPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress());
            ServerSocket tls = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      }
    }
    throw new IOException("no free port for both UDP and TCP");
  }

  @Override
  public void close() throws IOException {
    emulator.close();
    cc.close();
  }
}
