package io.tandem.emulator.graph.presence;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.presence.internal.GraphCallers;
import io.tandem.emulator.graph.presence.internal.GraphReplies;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Graph's {@code /v1.0/subscriptions} for presence resources: create (with the validation
 * handshake), get, list, renew by PATCH, delete. Presence subscriptions take changeType {@code
 * updated} only, at most 650 user ids, and expire at most 60 minutes ahead.
 */
final class SubscriptionRoutes {

  static final Duration MAX_LIFETIME = Duration.ofMinutes(60);
  private static final int MAX_CLIENT_STATE = 128;

  private final Subscriptions subscriptions;
  private final EndpointValidation validation;
  private final GraphCallers callers;
  private final GraphReplies replies;
  private final GraphRequests requests;
  private final Scheduler scheduler;
  private final Supplier<PresenceSettings> settings;

  SubscriptionRoutes(
      Subscriptions subscriptions,
      EndpointValidation validation,
      GraphCallers callers,
      GraphReplies replies,
      Scheduler scheduler,
      Supplier<PresenceSettings> settings) {
    this.subscriptions = subscriptions;
    this.validation = validation;
    this.callers = callers;
    this.replies = replies;
    this.requests = new GraphRequests(replies);
    this.scheduler = scheduler;
    this.settings = settings;
  }

  void register(HttpRoutes routes) {
    routes
        .add(Channel.GRAPH, "POST", "/v1.0/subscriptions", this::create)
        .add(Channel.GRAPH, "GET", "/v1.0/subscriptions", this::list)
        .add(Channel.GRAPH, "GET", "/v1.0/subscriptions/{subscriptionId}", this::get)
        .add(Channel.GRAPH, "PATCH", "/v1.0/subscriptions/{subscriptionId}", this::renew)
        .add(Channel.GRAPH, "DELETE", "/v1.0/subscriptions/{subscriptionId}", this::delete);
  }

  private HttpReply create(HttpCall call) {
    AccessToken token = callers.require(call, PresenceRoutes.READ_ROLES);
    JsonNode body = requests.object(call);
    String resource = requests.text(call, body, "resource");
    Set<String> userIds = userIds(call, resource);
    String changeType = requests.text(call, body, "changeType");
    if (!changeType.equals("updated")) {
      throw invalid(
          call,
          "Presence subscriptions support changeType 'updated' only, not '" + changeType + "'.");
    }
    String notificationUrl = url(call, requests.text(call, body, "notificationUrl"));
    String lifecycleUrl = requests.optionalText(call, body, "lifecycleNotificationUrl");
    if (lifecycleUrl != null) {
      url(call, lifecycleUrl);
    }
    Instant expiration = expiration(call, body);
    String clientState = requests.optionalText(call, body, "clientState");
    if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
      throw invalid(call, "clientState is longer than " + MAX_CLIENT_STATE + " characters.");
    }
    RichContent rich = rich(call, body);
    Duration timeout = settings.get().validationTimeout();
    Set<String> urls = new LinkedHashSet<>();
    urls.add(notificationUrl);
    if (lifecycleUrl != null) {
      urls.add(lifecycleUrl);
    }
    for (String url : urls) {
      validation
          .validate(url, timeout)
          .ifPresent(
              failure -> {
                throw replies.problem(call, 400, failure.code(), failure.message());
              });
    }
    Subscription subscription =
        new Subscription(
            UUID.randomUUID().toString(),
            token.tenantId(),
            token.appId(),
            resource,
            userIds,
            notificationUrl,
            lifecycleUrl,
            clientState,
            rich,
            scheduler.now(),
            expiration);
    subscriptions.add(subscription);
    return replies.ok(call, 201, SubscriptionJson.entity(subscription));
  }

  private HttpReply list(HttpCall call) {
    AccessToken token = callers.require(call, PresenceRoutes.READ_ROLES);
    return replies.ok(
        call, 200, SubscriptionJson.collection(subscriptions.of(token.tenantId(), token.appId())));
  }

  private HttpReply get(HttpCall call) {
    AccessToken token = callers.require(call, PresenceRoutes.READ_ROLES);
    return replies.ok(call, 200, SubscriptionJson.entity(find(call, token)));
  }

  private HttpReply renew(HttpCall call) {
    AccessToken token = callers.require(call, PresenceRoutes.READ_ROLES);
    Subscription subscription = find(call, token);
    JsonNode body = requests.object(call);
    for (String name : body.propertyNames()) {
      if (!name.equals("expirationDateTime")) {
        throw invalid(
            call,
            "The emulator renews presence subscriptions only; '" + name + "' cannot be updated.");
      }
    }
    subscriptions.renew(subscription, expiration(call, body));
    return replies.ok(call, 200, SubscriptionJson.entity(subscription));
  }

  private HttpReply delete(HttpCall call) {
    AccessToken token = callers.require(call, PresenceRoutes.READ_ROLES);
    subscriptions.delete(find(call, token));
    return replies.empty(call, 204);
  }

  private Subscription find(HttpCall call, AccessToken token) {
    String id = call.variable("subscriptionId");
    return subscriptions
        .find(token.tenantId(), token.appId(), id)
        .orElseThrow(
            () ->
                replies.problem(
                    call, 404, "ResourceNotFound", "The subscription '" + id + "' was not found."));
  }

  private Set<String> userIds(HttpCall call, String resource) {
    Set<String> ids =
        PresenceResource.parse(resource)
            .orElseThrow(
                () ->
                    invalid(
                        call,
                        "Resource '"
                            + resource
                            + "' is not supported. The emulator serves presence subscriptions:"
                            + " /communications/presences/{id} or /communications/presences?$filter=id"
                            + " in ('{id}',...)."))
            .userIds();
    if (ids.isEmpty() || ids.size() > PresenceRoutes.MAX_IDS) {
      throw invalid(
          call,
          "A presence subscription takes 1 to "
              + PresenceRoutes.MAX_IDS
              + " user ids; this one has "
              + ids.size()
              + ".");
    }
    for (String id : ids) {
      if (!GraphRequests.isGuid(id)) {
        throw invalid(call, "'" + id + "' in the resource is not a user object id (GUID).");
      }
    }
    return ids;
  }

  private String url(HttpCall call, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (uri.getHost() != null
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        return url;
      }
    } catch (java.net.URISyntaxException malformed) {
      // refused below
    }
    throw invalid(call, "Invalid notification url '" + url + "'.");
  }

  private Instant expiration(HttpCall call, JsonNode body) {
    String text = requests.optionalText(call, body, "expirationDateTime");
    if (text == null) {
      throw invalid(call, "expirationDateTime is a required property for subscription creation.");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notADate) {
      throw invalid(call, "expirationDateTime '" + text + "' is not an ISO 8601 date and time.");
    }
    Instant now = scheduler.now();
    if (!at.isAfter(now)) {
      throw invalid(call, "Subscription expiration must be in the future.");
    }
    if (at.isAfter(now.plus(MAX_LIFETIME))) {
      throw replies.problem(
          call,
          400,
          "ExtensionError",
          "Subscription expiration can only be 60 minutes in the future.");
    }
    return at;
  }

  private @Nullable RichContent rich(HttpCall call, JsonNode body) {
    if (!body.path("includeResourceData").asBoolean(false)) {
      return null;
    }
    String certificate = requests.optionalText(call, body, "encryptionCertificate");
    String certificateId = requests.optionalText(call, body, "encryptionCertificateId");
    if (certificate == null || certificateId == null) {
      throw invalid(
          call,
          "encryptionCertificate and encryptionCertificateId are required when includeResourceData"
              + " is true.");
    }
    try {
      return RichContent.of(certificate, certificateId);
    } catch (GeneralSecurityException unusable) {
      throw invalid(call, "encryptionCertificate cannot be used: " + unusable.getMessage());
    }
  }

  private io.tandem.emulator.http.HttpProblem invalid(HttpCall call, String message) {
    return replies.problem(call, 400, "InvalidRequest", message);
  }
}
