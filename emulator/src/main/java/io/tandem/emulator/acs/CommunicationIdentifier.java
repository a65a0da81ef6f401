package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code CommunicationIdentifierModel}: {@code kind}, {@code rawId} and one typed member. Raw ids
 * follow the SDKs: {@code 4:+E164} phone, {@code 8:acs:…} ACS user, {@code 8:orgid:<oid>} Teams
 * user, {@code 28:orgid:<oid>} Teams app or resource account, {@code
 * 8:acs:{resourceId}_{tenantId}_{userId}} Teams extension user.
 */
record CommunicationIdentifier(String kind, String rawId, ObjectNode model) {

  static final String PHONE = "phoneNumber";
  static final String ACS_USER = "communicationUser";
  static final String TEAMS_USER = "microsoftTeamsUser";
  static final String TEAMS_APP = "microsoftTeamsApp";
  static final String TEAMS_EXTENSION_USER = "teamsExtensionUser";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** Reads an identifier model, filling {@code rawId} from the typed member when it is absent. */
  static CommunicationIdentifier parse(RequestBody body) {
    String kind = body.optionalText("kind");
    if (kind == null) {
      for (String candidate :
          new String[] {PHONE, ACS_USER, TEAMS_USER, TEAMS_APP, TEAMS_EXTENSION_USER}) {
        if (body.has(candidate)) {
          kind = candidate;
        }
      }
    }
    String rawId = body.optionalText("rawId");
    ObjectNode model = body.copy();
    if (kind == null || kind.equals("unknown")) {
      if (rawId == null || rawId.isBlank()) {
        throw AcsErrors.badRequest(
            body.path("kind"), "The identifier " + body.path("") + " has no kind and no rawId.");
      }
      return fromRawId(rawId);
    }
    String derived =
        switch (kind) {
          case PHONE -> {
            String value = body.object(PHONE).text("value");
            if (!E164.matcher(value).matches()) {
              throw AcsErrors.badRequest(
                  body.path(PHONE + ".value"), "The phone number " + value + " is not +E164.");
            }
            yield "4:" + value;
          }
          case ACS_USER -> body.object(ACS_USER).text("id");
          case TEAMS_USER -> "8:orgid:" + body.object(TEAMS_USER).text("userId");
          case TEAMS_APP -> "28:orgid:" + body.object(TEAMS_APP).text("appId");
          case TEAMS_EXTENSION_USER -> {
            RequestBody user = body.object(TEAMS_EXTENSION_USER);
            yield "8:acs:"
                + user.optionalText("resourceId")
                + "_"
                + user.text("tenantId")
                + "_"
                + user.text("userId");
          }
          default ->
              throw AcsErrors.badRequest(
                  body.path("kind"), "The identifier kind " + kind + " is not supported.");
        };
    model.put("kind", kind);
    model.put("rawId", rawId == null || rawId.isBlank() ? derived : rawId);
    return new CommunicationIdentifier(kind, model.get("rawId").asString(), model);
  }

  /** The identifier a raw id stands for, with its typed member when the prefix says which. */
  static CommunicationIdentifier fromRawId(String rawId) {
    if (rawId.startsWith("4:")) {
      return phone(rawId.substring(2));
    }
    if (rawId.startsWith("8:orgid:")) {
      return teamsUser(rawId.substring("8:orgid:".length()));
    }
    if (rawId.startsWith("8:acs:") || rawId.startsWith("8:spool:")) {
      ObjectNode model = Json.object().put("kind", ACS_USER).put("rawId", rawId);
      model.putObject(ACS_USER).put("id", rawId);
      return new CommunicationIdentifier(ACS_USER, rawId, model);
    }
    ObjectNode model = Json.object().put("kind", "unknown").put("rawId", rawId);
    return new CommunicationIdentifier("unknown", rawId, model);
  }

  static CommunicationIdentifier phone(String e164) {
    ObjectNode model = Json.object().put("kind", PHONE).put("rawId", "4:" + e164);
    model.putObject(PHONE).put("value", e164);
    return new CommunicationIdentifier(PHONE, "4:" + e164, model);
  }

  static CommunicationIdentifier teamsUser(String objectId) {
    ObjectNode model = Json.object().put("kind", TEAMS_USER).put("rawId", "8:orgid:" + objectId);
    model
        .putObject(TEAMS_USER)
        .put("userId", objectId)
        .put("isAnonymous", false)
        .put("cloud", "public");
    return new CommunicationIdentifier(TEAMS_USER, "8:orgid:" + objectId, model);
  }

  /** A Teams resource account as IncomingCall names it: kind {@code unknown}, raw id only. */
  static CommunicationIdentifier resourceAccount(String objectId) {
    ObjectNode model = Json.object().put("kind", "unknown").put("rawId", "28:orgid:" + objectId);
    return new CommunicationIdentifier("unknown", "28:orgid:" + objectId, model);
  }

  boolean isPhone() {
    return kind.equals(PHONE);
  }

  /** The +E164 number of a phone identifier. */
  String phoneNumber() {
    return rawId.substring(2);
  }

  /** The Entra object id of a Teams user or Teams extension user, or empty for other kinds. */
  String userObjectId() {
    return switch (kind) {
      case TEAMS_USER -> model.path(TEAMS_USER).path("userId").asString("");
      case TEAMS_EXTENSION_USER -> model.path(TEAMS_EXTENSION_USER).path("userId").asString("");
      default -> "";
    };
  }

  ObjectNode toJson() {
    return model.deepCopy();
  }
}
