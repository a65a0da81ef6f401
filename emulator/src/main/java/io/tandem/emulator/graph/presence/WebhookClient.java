package io.tandem.emulator.graph.presence;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Graph's HTTP client towards an app's notification endpoints: the validation request ({@code POST
 * ?validationToken=…}, text/plain, empty body) and notification POSTs (JSON), each with its own
 * timeout. Blocking; called from virtual threads.
 */
final class WebhookClient {

  /** What an endpoint answered; {@code status} 0 when unreachable, -1 when it timed out. */
  record Answer(int status, String contentType, String body) {
    static final int UNREACHABLE = 0;
    static final int TIMED_OUT = -1;

    boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client;

  WebhookClient(@Nullable SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
  }

  /** {@code url} with Graph's validation query parameter added. */
  static URI validationUri(String url, String token) {
    String separator = url.contains("?") ? "&" : "?";
    return URI.create(
        url + separator + "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  Answer validate(URI uri, Duration timeout) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  Answer postJson(String url, String body, Duration timeout) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (HttpTimeoutException slow) {
      return new Answer(
          Answer.TIMED_OUT, "", "no answer within " + request.timeout().orElseThrow());
    } catch (IOException | IllegalArgumentException unreachable) {
      return new Answer(Answer.UNREACHABLE, "", String.valueOf(unreachable.getMessage()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Answer(Answer.UNREACHABLE, "", "interrupted");
    }
  }
}
