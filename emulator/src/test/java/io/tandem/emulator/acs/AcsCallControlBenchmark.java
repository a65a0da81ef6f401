package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.SystemScheduler;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ACS call-control requests per second with HMAC verification on: N virtual-thread clients each
 * drive one answered call with get / play / recognize in a loop for a fixed time; three runs, the
 * median reported. Tagged {@code benchmark}, so not in the default build; run: {@code ./mvnw -B -q
 * -o -pl media,emulator -am test -Dtest=AcsCallControlBenchmark -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AcsCallControlBenchmark {

  private static final int CLIENTS = Integer.getInteger("acs.clients", 32);
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("acs.seconds", 10));

  @Test
  void callControlRequestsPerSecond() throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      rates.add(oneRun());
    }
    List<Double> sorted = new ArrayList<>(rates);
    sorted.sort(Double::compare);
    System.out.printf(
        "ACS call control with HMAC: %d clients, %d s runs: %s req/s, median %.0f req/s (%d cores)%n",
        CLIENTS, RUN.toSeconds(), rates, sorted.get(1), Runtime.getRuntime().availableProcessors());
  }

  private double oneRun() throws Exception {
    SystemScheduler scheduler = new SystemScheduler(Clock.systemUTC());
    try (Emulator emulator =
            Emulator.start(
                EmulatorSettings.defaults().withWorld(EmulatorFixture.world("contoso.yaml")),
                scheduler);
        RecordingWebhook eventGrid = new RecordingWebhook();
        RecordingWebhook app = new RecordingWebhook()) {
      eventGrid.respondWith(AcsScenario::validating);
      var http = java.net.http.HttpClient.newHttpClient();
      var subscribe =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(
                      emulator.httpBaseUrl()
                          + "/emulator/acs/resources/"
                          + AcsScenario.RESOURCE_ID
                          + "/eventGrid"))
              .PUT(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "{\"endpoint\":\"" + eventGrid.url("/eg") + "\"}"))
              .build();
      assertThat(http.send(subscribe, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      eventGrid.next(Duration.ofSeconds(5));
      AcsClient client =
          new AcsClient(emulator.httpBaseUrl(), AcsAuthenticationTest.KEY, scheduler::now);
      List<String> calls = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        var dial =
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"+1425555"
                            + String.format("%04d", i)
                            + "\",\"to\":\""
                            + AcsScenario.SALES_NUMBER
                            + "\"}"))
                .build();
        assertThat(http.send(dial, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(201);
        String context =
            Json.parse(eventGrid.next(Duration.ofSeconds(5)).body())
                .get(0)
                .path("data")
                .path("incomingCallContext")
                .asString();
        HttpResponse<String> answered =
            client.post(
                "/calling/callConnections:answer",
                "{\"incomingCallContext\":\""
                    + context
                    + "\",\"callbackUri\":\""
                    + app.url("/cb")
                    + "\"}");
        calls.add(Json.parse(answered.body()).path("callConnectionId").asString());
      }
      AtomicLong requests = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      long end = System.nanoTime() + RUN.toNanos();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        String id = calls.get(i);
        String target =
            "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+1425555"
                + String.format("%04d", i)
                + "\"}}";
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      int step = 0;
                      while (System.nanoTime() < end) {
                        try {
                          HttpResponse<String> response =
                              switch (step++ % 3) {
                                case 0 -> client.get("/calling/callConnections/" + id);
                                case 1 ->
                                    client.post(
                                        "/calling/callConnections/" + id + ":play",
                                        "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Please hold\"}}],\"interruptCallMediaOperation\":true}");
                                default ->
                                    client.post(
                                        "/calling/callConnections/" + id + ":recognize",
                                        "{\"recognizeInputType\":\"dtmf\",\"interruptCallMediaOperation\":true,\"recognizeOptions\":{\"targetParticipant\":"
                                            + target
                                            + ",\"dtmfOptions\":{\"maxTonesToCollect\":1}}}");
                              };
                          requests.incrementAndGet();
                          if (response.statusCode() >= 300) {
                            failures.incrementAndGet();
                          }
                        } catch (Exception failed) {
                          failures.incrementAndGet();
                        }
                      }
                    }));
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(failures.get()).isZero();
      return requests.get() / (double) RUN.toSeconds();
    } finally {
      scheduler.close();
    }
  }
}
