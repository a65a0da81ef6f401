package io.tandem.graph.presence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses what Graph POSTs to Tandem's notification and lifecycle URLs: {@code {"value":[…]}} of
 * basic presence change notifications ({@code resourceData.id} = the user) and lifecycle events
 * ({@code lifecycleEvent}), both shapes accepted at either URL.
 *
 * <p>Every item's {@code clientState} must match the subscription it names ({@link
 * ClientStateCheck}); an item that does not is <b>refused</b>: dropped, listed in {@link
 * ReceivedNotifications#refusals()}, and never reaches the feed. The endpoint still answers
 * <b>202</b> to a body with refused items: a non-2xx answer only makes Graph retry the same items
 * for hours and finally remove the subscription, and it tells a forger nothing. Only a body that is
 * no notification at all is answered 400 ({@link MalformedNotificationException}).
 */
public final class PresenceNotifications {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RESOURCE_PREFIX = "communications/presences/";

  private PresenceNotifications() {}

  /** Parses {@code body} and checks each item's clientState with {@code clientStates}. */
  public static ReceivedNotifications parse(byte[] body, ClientStateCheck clientStates)
      throws MalformedNotificationException {
    JsonNode value = items(body);
    Set<String> changed = new LinkedHashSet<>();
    List<LifecycleEvent> lifecycle = new ArrayList<>();
    List<ReceivedNotifications.Refusal> refusals = new ArrayList<>();
    for (JsonNode item : value) {
      String subscriptionId = item.path("subscriptionId").asString("");
      @Nullable String clientState =
          item.path("clientState").isString() ? item.path("clientState").asString() : null;
      if (subscriptionId.isEmpty() || !clientStates.matches(subscriptionId, clientState)) {
        refusals.add(
            new ReceivedNotifications.Refusal(
                subscriptionId, "clientState does not match a subscription Tandem holds"));
        continue;
      }
      String lifecycleEvent = item.path("lifecycleEvent").asString("");
      if (!lifecycleEvent.isEmpty()) {
        lifecycle.add(
            new LifecycleEvent(subscriptionId, LifecycleEvent.Kind.fromGraph(lifecycleEvent)));
        continue;
      }
      String userId = userId(item);
      if (userId == null) {
        refusals.add(
            new ReceivedNotifications.Refusal(subscriptionId, "names no presence resource"));
      } else {
        changed.add(userId);
      }
    }
    return new ReceivedNotifications(changed, lifecycle, refusals);
  }

  private static JsonNode items(byte[] body) throws MalformedNotificationException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException notJson) {
      throw new MalformedNotificationException("not JSON: " + notJson.getOriginalMessage());
    }
    JsonNode value = root == null ? null : root.get("value");
    if (value == null || !value.isArray()) {
      throw new MalformedNotificationException("no 'value' array");
    }
    return value;
  }

  /** The user id: {@code resourceData.id}, else the last segment of {@code resource}. */
  private static @Nullable String userId(JsonNode item) {
    String id = item.path("resourceData").path("id").asString("");
    if (!id.isEmpty()) {
      return id;
    }
    String resource = item.path("resource").asString("");
    int at = resource.indexOf(RESOURCE_PREFIX);
    if (at < 0) {
      return null;
    }
    String rest = resource.substring(at + RESOURCE_PREFIX.length());
    return rest.isEmpty() || rest.contains("/") || rest.contains("?") ? null : rest;
  }
}
