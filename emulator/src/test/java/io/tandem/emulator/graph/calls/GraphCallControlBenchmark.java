package io.tandem.emulator.graph.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How many Graph call-control requests per second the emulator answers over real loopback HTTP:
 * {@value #CLIENTS} virtual-thread bots each take {@value #CALLS_PER_CLIENT} incoming PSTN calls
 * and, per call, answer, then {@value #ROUNDS} × (playPrompt + GET), then DELETE. Only the Graph
 * requests count (the control API's dial does not). Run: {@code ./mvnw -B -q -o -pl media,emulator
 * -am test -Dtest=GraphCallControlBenchmark -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; three runs, the median is reported.
 */
@Tag("benchmark")
class GraphCallControlBenchmark {

  static final int CLIENTS = 16;
  static final int CALLS_PER_CLIENT = 40;
  static final int ROUNDS = 10;
  static final int RUNS = 3;

  @Test
  void graphCallControlRequestsPerSecond() throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      try (GraphBot bot = new GraphBot()) {
        rates.add(run(bot));
      }
    }
    List<Double> sorted = rates.stream().sorted().toList();
    System.out.printf(
        "Graph call-control: runs %s requests/s, median %.0f requests/s (%d clients, %d cores)%n",
        rates.stream().map(r -> String.format("%.0f", r)).toList(),
        sorted.get(RUNS / 2),
        CLIENTS,
        Runtime.getRuntime().availableProcessors());
  }

  private static double run(GraphBot bot) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = bot.fixture.emulator.httpBaseUrl();
    String prompt =
        "{\"prompts\":[{\"mediaInfo\":{\"uri\":\"" + bot.webhook.url("/hold.wav") + "\"}}]}";
    AtomicLong requests = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int caller = c;
        done.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                    String from = String.format("+1425%07d", caller * 1000 + i);
                    String callId =
                        Json.parse(
                                send(
                                    client,
                                    base,
                                    "/emulator/pstn/calls",
                                    "POST",
                                    null,
                                    "{\"from\":\"" + from + "\",\"to\":\"+14255550100\"}"))
                            .path("callId")
                            .asString();
                    String calls = "/v1.0/communications/calls/" + callId;
                    send(client, base, calls + "/answer", "POST", bot.token, bot.answerBody());
                    for (int r = 0; r < ROUNDS; r++) {
                      send(client, base, calls + "/playPrompt", "POST", bot.token, prompt);
                      send(client, base, calls, "GET", bot.token, null);
                    }
                    send(client, base, calls, "DELETE", bot.token, null);
                    requests.addAndGet(2 + 2L * ROUNDS);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(requests.get()).isEqualTo((long) CLIENTS * CALLS_PER_CLIENT * (2 + 2 * ROUNDS));
    return requests.get() / seconds;
  }

  private static String send(
      HttpClient client, String base, String path, String method, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new AssertionError(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
