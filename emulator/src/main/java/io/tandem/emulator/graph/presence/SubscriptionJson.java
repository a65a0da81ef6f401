package io.tandem.emulator.graph.presence;

import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's {@code subscription} resource and presence {@code changeNotification} items as JSON. */
final class SubscriptionJson {

  private SubscriptionJson() {}

  static ObjectNode entity(Subscription s) {
    ObjectNode body = Json.object();
    body.put("@odata.context", GraphExchange.METADATA + "subscriptions/$entity");
    return fields(body, s);
  }

  static ObjectNode collection(Collection<Subscription> subscriptions) {
    ObjectNode body = Json.object();
    body.put("@odata.context", GraphExchange.METADATA + "subscriptions");
    ArrayNode value = body.putArray("value");
    subscriptions.forEach(s -> value.add(fields(Json.object(), s)));
    return body;
  }

  private static ObjectNode fields(ObjectNode body, Subscription s) {
    body.put("id", s.id);
    body.put("resource", s.resource);
    body.put("applicationId", s.appId);
    body.put("changeType", "updated");
    body.put("clientState", s.clientState);
    body.put("notificationUrl", s.notificationUrl);
    body.putNull("notificationQueryOptions");
    body.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl);
    body.put("expirationDateTime", s.expiration().toString());
    body.put("creatorId", servicePrincipal(s.tenantId, s.appId));
    body.put("includeResourceData", s.rich != null);
    body.put("latestSupportedTlsVersion", "v1_2");
    body.put("encryptionCertificate", s.rich == null ? null : s.rich.encoded());
    body.put("encryptionCertificateId", s.rich == null ? null : s.rich.certificateId());
    body.putNull("notificationUrlAppId");
    return body;
  }

  /** One change notification for {@code change}, encrypted resource data included when asked. */
  static ObjectNode notification(Subscription s, PresenceChange change) {
    ObjectNode item = Json.object();
    item.put("subscriptionId", s.id);
    item.put("clientState", s.clientState);
    item.put("changeType", "updated");
    item.put("tenantId", s.tenantId);
    item.put("resource", "communications/presences/" + change.userId());
    item.put("subscriptionExpirationDateTime", s.expiration().toString());
    ObjectNode resourceData = item.putObject("resourceData");
    resourceData.put("@odata.id", "users/" + change.userId() + "/presence");
    resourceData.put("@odata.type", "#microsoft.graph.presence");
    resourceData.put("id", change.userId());
    item.put("organizationId", s.tenantId);
    if (s.rich != null) {
      ObjectNode data = resourceData.deepCopy();
      data.put("availability", change.after().availability().name());
      data.put("activity", change.after().activity().name());
      item.set("encryptedContent", s.rich.encrypt(data));
    }
    return item;
  }

  /** The object id of {@code appId}'s service principal, as the emulator's Entra derives it. */
  static String servicePrincipal(String tenantId, String appId) {
    return UUID.nameUUIDFromBytes((tenantId + "/" + appId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
