package io.tandem.emulator.graph.presence;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph's notification URL validation (change-notifications-delivery-webhooks.md): before a
 * subscription is created, each of its URLs gets {@code POST ?validationToken=<token>} and must
 * answer 200 with the decoded token as its {@code text/plain} body within the validation timeout
 * (10 s). The token is the text Graph sends, spaces and colons included, so an app that does not
 * URL-decode the query fails here as it would against Graph.
 */
final class EndpointValidation {

  /** Why validation failed, as Graph's error code and message. */
  record Failure(String code, String message) {}

  private static final String FAILED = "Subscription validation request failed. ";

  private final WebhookClient webhooks;
  private final Journal journal;

  EndpointValidation(WebhookClient webhooks, Journal journal) {
    this.webhooks = webhooks;
    this.journal = journal;
  }

  /** Validates {@code url}; empty when the endpoint passed. */
  Optional<Failure> validate(String url, Duration timeout) {
    String token =
        "Validation: Testing client application reachability for subscription Request-Id: "
            + UUID.randomUUID();
    URI uri;
    try {
      uri = WebhookClient.validationUri(url, token);
    } catch (IllegalArgumentException malformed) {
      return Optional.of(new Failure("InvalidRequest", "Invalid notification url: " + url));
    }
    journal.record(
        Channel.GRAPH,
        Direction.OUT,
        "presence.validation",
        null,
        Map.of("url", uri.toString(), "validationToken", token),
        null);
    WebhookClient.Answer answer = webhooks.validate(uri, timeout);
    journal.record(
        Channel.GRAPH,
        Direction.IN,
        "presence.validation reply",
        null,
        Map.of("url", url, "status", Integer.toString(answer.status())),
        answer.body().isEmpty() ? null : answer.body());
    if (answer.status() == WebhookClient.Answer.TIMED_OUT) {
      return Optional.of(
          new Failure("InvalidRequest", "Subscription validation request timed out."));
    }
    if (answer.status() != 200) {
      return Optional.of(
          new Failure(
              "ValidationError",
              FAILED + "Notification endpoint must respond with 200 OK to validation request."));
    }
    if (!answer.body().equals(token)) {
      return Optional.of(
          new Failure(
              "ValidationError",
              FAILED + "Response must exactly match validationToken query parameter."));
    }
    if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("text/plain")) {
      return Optional.of(
          new Failure(
              "ValidationError",
              FAILED
                  + "Response Content-Type must be text/plain, was '"
                  + answer.contentType()
                  + "'."));
    }
    return Optional.empty();
  }
}
