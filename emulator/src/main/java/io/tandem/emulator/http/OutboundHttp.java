package io.tandem.emulator.http;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's requests to applications: Graph notifications to bots, Event Grid deliveries and
 * ACS callbacks, presence change notifications. Each is journaled with its reply. Blocking; call it
 * from a virtual thread.
 */
public final class OutboundHttp {

  /** The status reported when the application could not be reached at all. */
  public static final int UNREACHABLE = 0;

  private final HttpClient client;
  private final Journal journal;
  private final Duration timeout;

  public OutboundHttp(@Nullable SSLContext trust, Journal journal, Duration timeout) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (trust != null) {
      builder.sslContext(trust);
    }
    this.client = builder.build();
    this.journal = journal;
    this.timeout = timeout;
  }

  /** What the application answered. */
  public record Answer(int status, String body) {
    public boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  /** POSTs {@code body} as JSON to {@code url} with extra {@code headers}. */
  public Answer postJson(
      Channel channel,
      @Nullable String callId,
      String kind,
      URI url,
      Map<String, String> headers,
      String body) {
    journal.record(channel, Direction.OUT, kind, callId, Map.of("url", url.toString()), body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    Answer answer;
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      answer = new Answer(response.statusCode(), response.body());
    } catch (IOException unreachable) {
      answer = new Answer(UNREACHABLE, String.valueOf(unreachable.getMessage()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      answer = new Answer(UNREACHABLE, "interrupted");
    }
    journal.record(
        channel,
        Direction.IN,
        kind + " reply",
        callId,
        Map.of("url", url.toString(), "status", Integer.toString(answer.status())),
        answer.body().isEmpty() ? null : answer.body());
    return answer;
  }
}
