package io.tandem.server.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * POSTs one signed webhook request over HTTP (the JDK client) and says what came of it. Redirects
 * are not followed (a 3xx is a failed attempt), and the answer's body is read and dropped.
 *
 * <p>Threading: thread-safe; {@link #send} blocks for at most the connect timeout plus the request
 * timeout, and is interruptible.
 */
public final class WebhookSender implements AutoCloseable {

  /** The {@code User-Agent} of every request. */
  static final String USER_AGENT = "Tandem-Webhooks/1";

  /**
   * What came of a request.
   *
   * @param at when it was sent
   * @param statusCode the answer's status, or {@code null} if there was none
   * @param error why there was no answer, or {@code null}
   * @param duration from sending to the answer or the failure
   */
  public record Result(
      Instant at, @Nullable Integer statusCode, @Nullable String error, Duration duration) {

    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Whether the receiver said the endpoint is gone for good (410). */
    public boolean gone() {
      return statusCode != null && statusCode == 410;
    }

    /** The failure in a few words: {@code HTTP 503} or the error. */
    public String describe() {
      return statusCode != null ? "HTTP " + statusCode : String.valueOf(error);
    }
  }

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Clock clock;

  public WebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /** POSTs {@code body} to the webhook, signed with its secret as message {@code messageId}. */
  public Result send(Webhook webhook, String messageId, byte[] body) throws InterruptedException {
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(webhook.url().uri())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSignature.sign(webhook.secret(), messageId, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return new Result(at, response.statusCode(), null, since(at));
    } catch (HttpConnectTimeoutException e) {
      return new Result(at, null, "connect timeout", since(at));
    } catch (HttpTimeoutException e) {
      return new Result(at, null, "no answer within " + requestTimeout, since(at));
    } catch (ConnectException e) {
      String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new Result(at, null, "cannot connect to " + authorityOf(webhook) + detail, since(at));
    } catch (IOException e) {
      return new Result(at, null, messageOf(e), since(at));
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private Duration since(Instant at) {
    Duration duration = Duration.between(at, clock.instant());
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  private static String authorityOf(Webhook webhook) {
    return webhook.url().uri().getHost() + ":" + webhook.url().uri().getPort();
  }

  private static String messageOf(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
