package io.tandem.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events client for tests: reads a real {@code text/event-stream} response on its own
 * thread and queues each event; {@link #next} waits a bounded time for the next one.
 */
public final class SseClient implements AutoCloseable {

  /** One event as the client parsed it. */
  public record Event(@Nullable String id, String type, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<InputStream> response;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    Thread.ofVirtual().start(this::read);
  }

  /** Opens {@code uri} with these request headers; returns once the response headers arrived. */
  public static SseClient open(URI uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
            .get(20, TimeUnit.SECONDS);
    return new SseClient(response);
  }

  public int status() {
    return response.statusCode();
  }

  /** The next event, waiting at most {@code wait}; fails the test if none comes. */
  public Event next(Duration wait) throws InterruptedException {
    Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no server-sent event within " + wait);
    }
    return event;
  }

  private void read() {
    String id = null;
    String type = "message";
    StringBuilder data = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, type, data.toString()));
          }
          id = null;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) {
            data.append('\n');
          }
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // The stream was closed.
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
