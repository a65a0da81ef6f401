package io.tandem.emulator.graph.presence;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
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
  private final GraphAuth auth;
  private final Scheduler scheduler;
  private final Supplier<PresenceSettings> settings;

  SubscriptionRoutes(
      Subscriptions subscriptions,
      EndpointValidation validation,
      GraphAuth auth,
      Scheduler scheduler,
      Supplier<PresenceSettings> settings) {
    this.subscriptions = subscriptions;
    this.validation = validation;
    this.auth = auth;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  void register(HttpRoutes routes, GraphExchange exchange) {
    exchange
        .add(routes, "POST", "/v1.0/subscriptions", this::create)
        .add(routes, "GET", "/v1.0/subscriptions", this::list)
        .add(routes, "GET", "/v1.0/subscriptions/{subscriptionId}", this::get)
        .add(routes, "PATCH", "/v1.0/subscriptions/{subscriptionId}", this::renew)
        .add(routes, "DELETE", "/v1.0/subscriptions/{subscriptionId}", this::delete);
  }

  private HttpReply create(HttpCall call) {
    AccessToken token = auth.require(call, PresenceRoutes.READ_ROLES);
    JsonNode body = GraphRequests.object(call);
    String resource = GraphRequests.text(body, "resource");
    Set<String> userIds = userIds(resource);
    String changeType = GraphRequests.text(body, "changeType");
    if (!changeType.equals("updated")) {
      throw invalid(
          "Presence subscriptions support changeType 'updated' only, not '" + changeType + "'.");
    }
    String notificationUrl = url(GraphRequests.text(body, "notificationUrl"));
    String lifecycleUrl = GraphRequests.optionalText(body, "lifecycleNotificationUrl");
    if (lifecycleUrl != null) {
      url(lifecycleUrl);
    }
    Instant expiration = expiration(body);
    String clientState = GraphRequests.optionalText(body, "clientState");
    if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
      throw invalid("clientState is longer than " + MAX_CLIENT_STATE + " characters.");
    }
    RichContent rich = rich(body);
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
                throw GraphErrors.problem(400, failure.code(), failure.message());
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
    return HttpReply.json(201, SubscriptionJson.entity(subscription));
  }

  private HttpReply list(HttpCall call) {
    AccessToken token = auth.require(call, PresenceRoutes.READ_ROLES);
    return HttpReply.json(
        200, SubscriptionJson.collection(subscriptions.of(token.tenantId(), token.appId())));
  }

  private HttpReply get(HttpCall call) {
    AccessToken token = auth.require(call, PresenceRoutes.READ_ROLES);
    return HttpReply.json(200, SubscriptionJson.entity(find(call, token)));
  }

  private HttpReply renew(HttpCall call) {
    AccessToken token = auth.require(call, PresenceRoutes.READ_ROLES);
    Subscription subscription = find(call, token);
    JsonNode body = GraphRequests.object(call);
    for (String name : body.propertyNames()) {
      if (!name.equals("expirationDateTime")) {
        throw invalid(
            "The emulator renews presence subscriptions only; '" + name + "' cannot be updated.");
      }
    }
    subscriptions.renew(subscription, expiration(body));
    return HttpReply.json(200, SubscriptionJson.entity(subscription));
  }

  private HttpReply delete(HttpCall call) {
    AccessToken token = auth.require(call, PresenceRoutes.READ_ROLES);
    subscriptions.delete(find(call, token));
    return HttpReply.empty(204);
  }

  private Subscription find(HttpCall call, AccessToken token) {
    String id = call.variable("subscriptionId");
    return subscriptions
        .find(token.tenantId(), token.appId(), id)
        .orElseThrow(
            () ->
                GraphErrors.problem(
                    404, "ResourceNotFound", "The subscription '" + id + "' was not found."));
  }

  private static Set<String> userIds(String resource) {
    Set<String> ids =
        PresenceResource.parse(resource)
            .orElseThrow(
                () ->
                    invalid(
                        "Resource '"
                            + resource
                            + "' is not supported. The emulator serves presence subscriptions:"
                            + " /communications/presences/{id} or /communications/presences?$filter=id"
                            + " in ('{id}',...)."))
            .userIds();
    if (ids.isEmpty() || ids.size() > PresenceRoutes.MAX_IDS) {
      throw invalid(
          "A presence subscription takes 1 to "
              + PresenceRoutes.MAX_IDS
              + " user ids; this one has "
              + ids.size()
              + ".");
    }
    for (String id : ids) {
      if (!GraphRequests.isGuid(id)) {
        throw invalid("'" + id + "' in the resource is not a user object id (GUID).");
      }
    }
    return ids;
  }

  private static String url(String url) {
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
    throw invalid("Invalid notification url '" + url + "'.");
  }

  private Instant expiration(JsonNode body) {
    String text = GraphRequests.optionalText(body, "expirationDateTime");
    if (text == null) {
      throw invalid("expirationDateTime is a required property for subscription creation.");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notADate) {
      throw invalid("expirationDateTime '" + text + "' is not an ISO 8601 date and time.");
    }
    Instant now = scheduler.now();
    if (!at.isAfter(now)) {
      throw invalid("Subscription expiration must be in the future.");
    }
    if (at.isAfter(now.plus(MAX_LIFETIME))) {
      throw GraphErrors.problem(
          400, "ExtensionError", "Subscription expiration can only be 60 minutes in the future.");
    }
    return at;
  }

  private static @Nullable RichContent rich(JsonNode body) {
    if (!body.path("includeResourceData").asBoolean(false)) {
      return null;
    }
    String certificate = GraphRequests.optionalText(body, "encryptionCertificate");
    String certificateId = GraphRequests.optionalText(body, "encryptionCertificateId");
    if (certificate == null || certificateId == null) {
      throw invalid(
          "encryptionCertificate and encryptionCertificateId are required when includeResourceData"
              + " is true.");
    }
    try {
      return RichContent.of(certificate, certificateId);
    } catch (GeneralSecurityException unusable) {
      throw invalid("encryptionCertificate cannot be used: " + unusable.getMessage());
    }
  }

  private static HttpProblem invalid(String message) {
    return GraphErrors.problem(400, "InvalidRequest", message);
  }
}
