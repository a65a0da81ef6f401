package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code CommunicationIdentifierModel} (MICROSOFT-CONTRACTS §3.2): who a participant, target or
 * caller is. Raw ids as the SDKs write them: {@code 4:+E164} phone, {@code 8:acs:…} ACS user,
 * {@code 8:acs:{resourceId}_{tenantId}_{userId}} Teams extension user, {@code 8:orgid:<oid>} Teams
 * user, {@code 28:orgid:<oid>} Teams app or resource account; anything else is {@link Unknown}.
 */
public sealed interface Identifier {

  /** The identifier's raw id, unique across kinds. */
  String rawId();

  /** The wire model: {@code kind}, {@code rawId} and the typed member. */
  ObjectNode toJson();

  /** A phone number in E.164, e.g. {@code +14255550123}. */
  record Phone(String e164) implements Identifier {
    public Phone {
      requireText(e164, "e164");
    }

    @Override
    public String rawId() {
      return "4:" + e164;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = model("phoneNumber", rawId());
      json.putObject("phoneNumber").put("value", e164);
      return json;
    }
  }

  /** An ACS user; {@code id} is its full raw id ({@code 8:acs:…}). */
  record CommunicationUser(String id) implements Identifier {
    public CommunicationUser {
      requireText(id, "id");
    }

    @Override
    public String rawId() {
      return id;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = model("communicationUser", id);
      json.putObject("communicationUser").put("id", id);
      return json;
    }
  }

  /** A Teams user by Entra object id. */
  record TeamsUser(String userId) implements Identifier {
    public TeamsUser {
      requireText(userId, "userId");
    }

    @Override
    public String rawId() {
      return "8:orgid:" + userId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = model("microsoftTeamsUser", rawId());
      json.putObject("microsoftTeamsUser")
          .put("userId", userId)
          .put("isAnonymous", false)
          .put("cloud", "public");
      return json;
    }
  }

  /** A Teams app or resource account by Entra object id (the TPE {@code teamsAppSource}). */
  record TeamsApp(String appId) implements Identifier {
    public TeamsApp {
      requireText(appId, "appId");
    }

    @Override
    public String rawId() {
      return "28:orgid:" + appId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = model("microsoftTeamsApp", rawId());
      json.putObject("microsoftTeamsApp").put("appId", appId).put("cloud", "public");
      return json;
    }
  }

  /** A Teams Phone extensibility agent: Entra user and tenant, and the ACS resource's id. */
  record TeamsExtensionUser(String userId, String tenantId, String resourceId)
      implements Identifier {
    public TeamsExtensionUser {
      requireText(userId, "userId");
      requireText(tenantId, "tenantId");
      requireText(resourceId, "resourceId");
    }

    @Override
    public String rawId() {
      return "8:acs:" + resourceId + "_" + tenantId + "_" + userId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = model("teamsExtensionUser", rawId());
      json.putObject("teamsExtensionUser")
          .put("userId", userId)
          .put("tenantId", tenantId)
          .put("resourceId", resourceId)
          .put("cloud", "public");
      return json;
    }
  }

  /** An identifier this client has no type for; it travels by raw id alone. */
  record Unknown(String rawId) implements Identifier {
    public Unknown {
      requireText(rawId, "rawId");
    }

    @Override
    public ObjectNode toJson() {
      return model("unknown", rawId);
    }
  }

  /** The identifier {@code rawId} stands for. */
  static Identifier fromRawId(String rawId) {
    requireText(rawId, "rawId");
    if (rawId.startsWith("4:")) {
      return new Phone(rawId.substring(2));
    }
    if (rawId.startsWith("8:orgid:")) {
      return new TeamsUser(rawId.substring("8:orgid:".length()));
    }
    if (rawId.startsWith("28:orgid:")) {
      return new TeamsApp(rawId.substring("28:orgid:".length()));
    }
    if (rawId.startsWith("8:acs:")) {
      String[] segments = rawId.substring("8:acs:".length()).split("_", -1);
      if (segments.length == 3
          && !segments[0].isEmpty()
          && !segments[1].isEmpty()
          && !segments[2].isEmpty()) {
        return new TeamsExtensionUser(segments[2], segments[1], segments[0]);
      }
      return new CommunicationUser(rawId);
    }
    if (rawId.startsWith("8:spool:")) {
      return new CommunicationUser(rawId);
    }
    return new Unknown(rawId);
  }

  /**
   * Reads a {@code CommunicationIdentifierModel}. The typed member wins over {@code rawId}; kind
   * {@code unknown} (how IncomingCall names a resource account, {@code 28:orgid:…}) is read from
   * the raw id, so it comes back as {@link TeamsApp}.
   *
   * @throws IllegalArgumentException when the node is no identifier
   */
  static Identifier fromJson(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("an identifier is a JSON object");
    }
    String kind = text(node, "kind");
    if (kind == null) {
      for (String member :
          new String[] {
            "phoneNumber",
            "communicationUser",
            "microsoftTeamsUser",
            "microsoftTeamsApp",
            "teamsExtensionUser"
          }) {
        if (node.path(member).isObject()) {
          kind = member;
        }
      }
    }
    String rawId = text(node, "rawId");
    JsonNode typed = kind == null ? MissingNode.getInstance() : node.path(kind);
    Identifier identifier =
        switch (kind == null ? "unknown" : kind) {
          case "phoneNumber" -> new Phone(required(typed, "value", "phoneNumber.value"));
          case "communicationUser" ->
              new CommunicationUser(required(typed, "id", "communicationUser.id"));
          case "microsoftTeamsUser" ->
              new TeamsUser(required(typed, "userId", "microsoftTeamsUser.userId"));
          case "microsoftTeamsApp" ->
              new TeamsApp(required(typed, "appId", "microsoftTeamsApp.appId"));
          case "teamsExtensionUser" ->
              text(typed, "resourceId") == null && rawId != null
                  ? fromRawId(rawId)
                  : new TeamsExtensionUser(
                      required(typed, "userId", "teamsExtensionUser.userId"),
                      required(typed, "tenantId", "teamsExtensionUser.tenantId"),
                      required(typed, "resourceId", "teamsExtensionUser.resourceId"));
          default -> {
            if (rawId == null) {
              throw new IllegalArgumentException(
                  "an identifier of kind " + kind + " needs a rawId");
            }
            yield fromRawId(rawId);
          }
        };
    return identifier;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
  }

  private static String required(JsonNode typed, String field, String path) {
    String value = text(typed, field);
    if (value == null) {
      throw new IllegalArgumentException("the identifier has no " + path);
    }
    return value;
  }

  private static ObjectNode model(String kind, String rawId) {
    return JsonNodeFactory.instance.objectNode().put("kind", kind).put("rawId", rawId);
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
