package io.tandem.server.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's callers who come through Teams (the Extend model): each is a scripted PSTN caller of
 * the in-process emulator ({@code POST /emulator/pstn/calls}) who dials the resource account, so
 * the call reaches Tandem as Graph notifications like a real one. Dialling happens off the tenant's
 * writer.
 */
final class ExtendDialer {

  private static final Logger LOG = LoggerFactory.getLogger(ExtendDialer.class);

  private final URI pstnCalls;
  private final String helpLine;
  private final HttpClient http;
  private final Executor executor;

  /**
   * @param emulator the emulator's HTTP base URL
   * @param helpLine the resource account's number the callers dial
   */
  ExtendDialer(URI emulator, String helpLine, HttpClient http, Executor executor) {
    this.pstnCalls = URI.create(emulator.toString().replaceAll("/+$", "") + "/emulator/pstn/calls");
    this.helpLine = helpLine;
    this.http = http;
    this.executor = executor;
  }

  /**
   * Places one caller.
   *
   * @param key the menu key they press {@code pressAfter} after the answer, or null for none
   * @param talkFor how long they talk once with an agent
   * @param patience how long they wait for an agent before hanging up
   */
  void dial(
      String from, @Nullable String key, Duration pressAfter, Duration talkFor, Duration patience) {
    String digits =
        key == null ? "[]" : "[{\"after\":\"" + pressAfter + "\",\"digits\":\"" + key + "\"}]";
    String script =
        "{\"from\":\""
            + from
            + "\",\"to\":\""
            + helpLine
            + "\",\"digits\":"
            + digits
            + ",\"talkFor\":\""
            + talkFor
            + "\",\"patience\":\""
            + patience
            + "\"}";
    executor.execute(() -> send(script));
  }

  private void send(String script) {
    try {
      HttpResponse<String> placed =
          http.send(
              HttpRequest.newBuilder(pstnCalls)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(script))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (placed.statusCode() / 100 != 2) {
        LOG.warn("The emulator refused a demo caller: {} {}", placed.statusCode(), placed.body());
      }
    } catch (java.io.IOException failed) {
      LOG.warn("Could not place a demo caller through the emulator: {}", failed.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
