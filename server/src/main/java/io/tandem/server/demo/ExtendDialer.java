package io.tandem.server.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
  private static final int SENTENCE_GAP_SECONDS = 4;

  private final URI pstnCalls;
  private final String helpLine;
  private final HttpClient http;
  private final Executor executor;
  private final List<String> sentences;

  /**
   * @param emulator the emulator's HTTP base URL
   * @param helpLine the resource account's number the callers dial
   */
  ExtendDialer(URI emulator, String helpLine, HttpClient http, Executor executor) {
    this(
        URI.create(emulator.toString().replaceAll("/+$", "") + "/emulator/pstn/calls"),
        helpLine,
        http,
        executor,
        List.of());
  }

  private ExtendDialer(
      URI pstnCalls, String helpLine, HttpClient http, Executor executor, List<String> sentences) {
    this.pstnCalls = pstnCalls;
    this.helpLine = helpLine;
    this.http = http;
    this.executor = executor;
    this.sentences = List.copyOf(sentences);
  }

  /**
   * This dialer's callers also say {@code said}, one sentence every {@value #SENTENCE_GAP_SECONDS}
   * s from {@value #SENTENCE_GAP_SECONDS} s after pressing their key (speech the emulator
   * transcribes for Unify's live transcription).
   */
  ExtendDialer saying(List<String> said) {
    return new ExtendDialer(pstnCalls, helpLine, http, executor, said);
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
            + ",\"utterances\":"
            + utterances(pressAfter)
            + ",\"talkFor\":\""
            + talkFor
            + "\",\"patience\":\""
            + patience
            + "\"}";
    executor.execute(() -> send(script));
  }

  private String utterances(Duration pressAfter) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < sentences.size(); i++) {
      Duration after = pressAfter.plusSeconds((long) SENTENCE_GAP_SECONDS * (i + 1));
      json.append(i == 0 ? "" : ",")
          .append("{\"after\":\"")
          .append(after)
          .append("\",\"text\":\"")
          .append(sentences.get(i).replace("\"", "'"))
          .append("\"}");
    }
    return json.append(']').toString();
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
