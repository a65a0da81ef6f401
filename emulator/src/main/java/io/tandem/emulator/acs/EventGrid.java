package io.tandem.emulator.acs;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event Grid as far as Call Automation needs it: one webhook subscription per ACS resource (from
 * the world's {@code incomingCallWebhook}, taken as already validated, or registered at run time
 * after the {@code SubscriptionValidationEvent} handshake), and delivery of events in Event Grid
 * schema (an array) with a Bearer JWT whose audience is the resource's immutable id.
 *
 * <p>Retries: a delivery that fails (no answer, 408, 429 or 5xx) is tried again after 10 s, 30 s
 * and 60 s while the event still matters (an IncomingCall only while the call rings); 400, 401,
 * 403, 404 and 413 are not retried, as Event Grid does.
 */
final class EventGrid {

  static final List<Duration> RETRY_DELAYS =
      List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
  static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
  static final String RESOURCE_GROUP = "tandem-emulator";
  private static final Set<Integer> FINAL_FAILURES = Set.of(400, 401, 403, 404, 413);

  private final OutboundHttp outbound;
  private final CallbackTokens tokens;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Map<String, URI> subscriptions = new ConcurrentHashMap<>();

  EventGrid(OutboundHttp outbound, CallbackTokens tokens, Scheduler scheduler, Journal journal) {
    this.outbound = outbound;
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  /** The webhook subscribed to {@code resource}'s events, if any. */
  Optional<URI> endpoint(AcsResource resource) {
    URI registered = subscriptions.get(resource.id());
    if (registered != null) {
      return Optional.of(registered);
    }
    return Optional.ofNullable(resource.incomingCallWebhook()).map(URI::create);
  }

  /**
   * Sends the validation handshake to {@code endpoint}; subscribes it when it answers 200 with the
   * right {@code validationResponse}. Returns why it failed, or empty on success.
   */
  Optional<String> subscribe(AcsResource resource, URI endpoint) {
    String code = UUID.randomUUID().toString();
    ObjectNode event = Json.object();
    event.put("id", UUID.randomUUID().toString());
    event.put("topic", topic(resource));
    event.put("subject", "");
    event.putObject("data").put("validationCode", code);
    event.put("eventType", "Microsoft.EventGrid.SubscriptionValidationEvent");
    event.put("eventTime", scheduler.now().toString());
    event.put("metadataVersion", "1");
    event.put("dataVersion", "2");
    OutboundHttp.Answer answer =
        outbound.postJson(
            Channel.ACS,
            null,
            "eventgrid SubscriptionValidationEvent",
            endpoint,
            Map.of(
                "aeg-event-type",
                "SubscriptionValidation",
                "aeg-subscription-name",
                "INCOMINGCALL"),
            Json.text(Json.array().add(event)));
    if (answer.status() != 200) {
      return Optional.of("the endpoint answered " + answer.status() + " to the validation event");
    }
    String response;
    try {
      JsonNode body = Json.parse(answer.body());
      response = body.path("validationResponse").asString("");
    } catch (RuntimeException notJson) {
      response = "";
    }
    if (!code.equals(response)) {
      return Optional.of("the endpoint did not echo the validationCode as validationResponse");
    }
    subscriptions.put(resource.id(), endpoint);
    return Optional.empty();
  }

  void unsubscribe(AcsResource resource) {
    subscriptions.remove(resource.id());
  }

  /** The topic of {@code resource}'s events. */
  static String topic(AcsResource resource) {
    return "/subscriptions/"
        + SUBSCRIPTION_ID
        + "/resourceGroups/"
        + RESOURCE_GROUP
        + "/providers/Microsoft.Communication/communicationServices/"
        + resource.name();
  }

  /** Delivers {@code event} (one Event Grid event) now and, on failure, on the retry schedule. */
  void deliver(AcsResource resource, String callId, ObjectNode event, BooleanSupplier stillWanted) {
    Optional<URI> endpoint = endpoint(resource);
    if (endpoint.isEmpty()) {
      journal.event(
          Channel.ACS,
          "eventgrid.noSubscription",
          callId,
          Map.of("resource", resource.name(), "eventType", event.path("eventType").asString()));
      return;
    }
    String body = Json.text(Json.array().add(event));
    attempt(
        resource, callId, endpoint.get(), body, event.path("eventType").asString(), 0, stillWanted);
  }

  private void attempt(
      AcsResource resource,
      String callId,
      URI endpoint,
      String body,
      String eventType,
      int attempt,
      BooleanSupplier stillWanted) {
    Thread.ofVirtual()
        .name("acs-eventgrid")
        .start(
            () -> {
              OutboundHttp.Answer answer =
                  outbound.postJson(
                      Channel.ACS,
                      callId,
                      "eventgrid " + eventType,
                      endpoint,
                      Map.of(
                          "aeg-event-type", "Notification",
                          "aeg-subscription-name", "INCOMINGCALL",
                          "aeg-delivery-count", Integer.toString(attempt),
                          "aeg-data-version", "1.0",
                          "aeg-metadata-version", "1",
                          "Authorization", "Bearer " + tokens.issue(resource.id(), null)),
                      body);
              if (answer.accepted() || FINAL_FAILURES.contains(answer.status())) {
                return;
              }
              if (attempt < RETRY_DELAYS.size()) {
                scheduler.schedule(
                    RETRY_DELAYS.get(attempt),
                    () -> {
                      if (stillWanted.getAsBoolean()) {
                        attempt(
                            resource, callId, endpoint, body, eventType, attempt + 1, stillWanted);
                      }
                    });
              }
              journal.event(
                  Channel.ACS,
                  attempt < RETRY_DELAYS.size() ? "eventgrid.retryScheduled" : "eventgrid.givenUp",
                  callId,
                  Map.of("eventType", eventType, "attempt", Integer.toString(attempt)));
            });
  }
}
