package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.http.HttpCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads request bodies as the v1.0 CSDL defines them, refusing what Graph refuses with 400 {@code
 * BadRequest} and a message that names the field: malformed JSON, a missing required field, a value
 * of the wrong type, an enum value not in the CSDL, more than 20 prompts, a clientContext over 256
 * characters.
 */
final class Bodies {

  static final int MAX_PROMPTS = 20;
  static final int MAX_CLIENT_CONTEXT = 256;
  static final Set<String> REJECT_REASONS = Set.of("none", "busy", "forbidden");
  static final Set<String> MODALITIES =
      Set.of("audio", "video", "videoBasedScreenSharing", "data", "unknownFutureValue");
  static final Set<String> RECORDING_STATUSES =
      Set.of("unknown", "notRecording", "recording", "failed", "unknownFutureValue");
  static final Set<String> MEDIA_CONFIGS =
      Set.of("#microsoft.graph.serviceHostedMediaConfig", "#microsoft.graph.appHostedMediaConfig");

  private Bodies() {}

  /** The body as a JSON object; an empty body is an empty object when {@code optional}. */
  static JsonNode object(HttpCall call, boolean optional) {
    if (optional && call.body().length == 0) {
      return io.tandem.emulator.http.Json.object();
    }
    JsonNode body =
        call.json(
            why -> GraphErrors.reply(400, "BadRequest", "Write request body is invalid: " + why));
    if (!body.isObject()) {
      throw GraphErrors.badRequest("The request body must be a JSON object.");
    }
    return body;
  }

  static JsonNode required(JsonNode parent, String path) {
    JsonNode value = parent.at(pointer(path));
    if (value.isMissingNode() || value.isNull()) {
      throw GraphErrors.badRequest("The required property '" + path + "' is missing.");
    }
    return value;
  }

  static String requiredText(JsonNode parent, String path) {
    JsonNode value = required(parent, path);
    if (!value.isString() || value.asString().isBlank()) {
      throw GraphErrors.badRequest("The property '" + path + "' must be a non-empty string.");
    }
    return value.asString();
  }

  static @Nullable String optionalText(JsonNode parent, String path) {
    JsonNode value = parent.at(pointer(path));
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw GraphErrors.badRequest("The property '" + path + "' must be a string.");
    }
    return value.asString();
  }

  static @Nullable Integer optionalInt(JsonNode parent, String path, int min, int max) {
    JsonNode value = parent.at(pointer(path));
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw GraphErrors.badRequest(
          "The property '" + path + "' must be an integer from " + min + " to " + max + ".");
    }
    return value.asInt();
  }

  static String enumValue(
      JsonNode parent, String path, Set<String> allowed, @Nullable String fallback) {
    String value = optionalText(parent, path);
    if (value == null) {
      if (fallback == null) {
        throw GraphErrors.badRequest("The required property '" + path + "' is missing.");
      }
      return fallback;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw GraphErrors.badRequest(
        "The property '"
            + path
            + "' has the value '"
            + value
            + "', which is not one of "
            + String.join(", ", new java.util.TreeSet<>(allowed))
            + ".");
  }

  static @Nullable String clientContext(JsonNode body) {
    String context = optionalText(body, "clientContext");
    if (context != null && context.length() > MAX_CLIENT_CONTEXT) {
      throw GraphErrors.badRequest(
          "The property 'clientContext' is "
              + context.length()
              + " characters long; at most "
              + MAX_CLIENT_CONTEXT
              + " are allowed.");
    }
    return context;
  }

  /** An absolute http(s) callback URI. */
  static @Nullable URI callbackUri(JsonNode body, boolean required) {
    String text = required ? requiredText(body, "callbackUri") : optionalText(body, "callbackUri");
    if (text == null) {
      return null;
    }
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException malformed) {
      // answered below
    }
    throw GraphErrors.badRequest(
        "The property 'callbackUri' must be an absolute https URI: " + text);
  }

  /** mediaConfig: one of the two concrete subtypes. */
  static JsonNode mediaConfig(JsonNode body) {
    JsonNode config = required(body, "mediaConfig");
    String type = optionalText(body, "mediaConfig/@odata.type");
    if (type == null || !MEDIA_CONFIGS.contains(type)) {
      throw GraphErrors.badRequest(
          "The property 'mediaConfig/@odata.type' must be #microsoft.graph.serviceHostedMediaConfig"
              + " or #microsoft.graph.appHostedMediaConfig, was "
              + type
              + ".");
    }
    return config;
  }

  /** prompts[]: mediaPrompts with a mediaInfo uri each, at most 20. */
  static List<String> prompts(JsonNode body, boolean required) {
    JsonNode prompts = body.path("prompts");
    if (prompts.isMissingNode() || prompts.isNull()) {
      if (required) {
        throw GraphErrors.badRequest("The required property 'prompts' is missing.");
      }
      return List.of();
    }
    if (!prompts.isArray() || (required && prompts.isEmpty())) {
      throw GraphErrors.badRequest(
          "The property 'prompts' must be a non-empty array of mediaPrompt.");
    }
    if (prompts.size() > MAX_PROMPTS) {
      throw GraphErrors.badRequest(
          "The property 'prompts' has "
              + prompts.size()
              + " entries; at most "
              + MAX_PROMPTS
              + " are allowed.");
    }
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      String uri = prompts.get(i).isObject() ? optionalText(prompts.get(i), "mediaInfo/uri") : null;
      if (uri == null || uri.isBlank()) {
        throw GraphErrors.badRequest(
            "The required property 'prompts[" + i + "]/mediaInfo/uri' is missing.");
      }
      uris.add(uri);
    }
    return uris;
  }

  /** An invitationParticipantInfo at {@code path}. */
  static Target target(JsonNode info, String path) {
    if (!info.isObject()) {
      throw GraphErrors.badRequest(
          "The property '" + path + "' must be an invitationParticipantInfo object.");
    }
    JsonNode identity = info.path("identity");
    if (!identity.isObject()) {
      throw GraphErrors.badRequest("The required property '" + path + "/identity' is missing.");
    }
    String replaces = optionalText(info, "replacesCallId");
    for (var kind : List.of("user", "phone", "applicationInstance")) {
      JsonNode who = identity.path(kind);
      if (who.isObject()) {
        String id = requiredText(who, "id");
        Target.Kind type =
            switch (kind) {
              case "user" -> Target.Kind.USER;
              case "phone" -> Target.Kind.PHONE;
              default -> Target.Kind.APPLICATION_INSTANCE;
            };
        if (type == Target.Kind.PHONE && !id.matches("\\+[1-9][0-9]{6,14}")) {
          throw GraphErrors.badRequest(
              "The property '" + path + "/identity/phone/id' must be +E164, was " + id + ".");
        }
        return new Target(type, id, optionalText(who, "displayName"), replaces);
      }
    }
    throw GraphErrors.badRequest(
        "The property '" + path + "/identity' names no user, phone or applicationInstance.");
  }

  private static String pointer(String path) {
    return "/" + path;
  }
}
