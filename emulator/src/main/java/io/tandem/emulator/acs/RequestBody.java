package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON request body read field by field; a missing or invalid field is refused with 400 naming
 * the field by its path ({@code recognizeOptions.dtmfOptions.interToneTimeoutInSeconds}).
 */
final class RequestBody {

  private final JsonNode node;
  private final String prefix;

  private RequestBody(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /** The body of {@code call}; empty bodies read as {@code {}}. */
  static RequestBody of(HttpCall call) {
    if (call.body().length == 0) {
      return new RequestBody(Json.object(), "");
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(call.body());
    } catch (JacksonException malformed) {
      throw AcsErrors.badRequest(
          null, "The request body is not valid JSON: " + malformed.getOriginalMessage());
    }
    if (parsed == null || !parsed.isObject()) {
      throw AcsErrors.badRequest(null, "The request body must be a JSON object.");
    }
    return new RequestBody(parsed, "");
  }

  static RequestBody wrap(JsonNode node, String path) {
    return new RequestBody(node, path.isEmpty() ? "" : path + ".");
  }

  JsonNode node() {
    return node;
  }

  String path(String field) {
    return prefix + field;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null || value.isBlank()) {
      throw missing(field);
    }
    return value;
  }

  @Nullable String optionalText(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw AcsErrors.badRequest(path(field), "The field " + path(field) + " must be a string.");
    }
    return value.asString();
  }

  RequestBody object(String field) {
    RequestBody child = optionalObject(field);
    if (child == null) {
      throw missing(field);
    }
    return child;
  }

  @Nullable RequestBody optionalObject(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw AcsErrors.badRequest(path(field), "The field " + path(field) + " must be an object.");
    }
    return new RequestBody(value, path(field) + ".");
  }

  /** The elements of a required, non-empty array. */
  List<RequestBody> array(String field) {
    List<RequestBody> items = optionalArray(field);
    if (items.isEmpty()) {
      throw missing(field);
    }
    return items;
  }

  List<RequestBody> optionalArray(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw AcsErrors.badRequest(path(field), "The field " + path(field) + " must be an array.");
    }
    List<RequestBody> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new RequestBody(value.get(i), path(field) + "[" + i + "]."));
    }
    return items;
  }

  /** Strings of an optional array. */
  List<String> texts(String field) {
    List<String> values = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return values;
    }
    if (!value.isArray()) {
      throw AcsErrors.badRequest(path(field), "The field " + path(field) + " must be an array.");
    }
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw AcsErrors.badRequest(
            path(field), "The field " + path(field) + " must hold strings only.");
      }
      values.add(item.asString());
    }
    return values;
  }

  int integer(String field, int min, int max, int fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw AcsErrors.badRequest(
          path(field),
          "The field " + path(field) + " must be an integer between " + min + " and " + max + ".");
    }
    return value.asInt();
  }

  boolean bool(String field, boolean fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw AcsErrors.badRequest(path(field), "The field " + path(field) + " must be a boolean.");
    }
    return value.asBoolean();
  }

  /** A required absolute http(s) URI. */
  URI uri(String field) {
    return parseUri(field, text(field), "http", "https");
  }

  @Nullable URI optionalUri(String field) {
    String value = optionalText(field);
    return value == null ? null : parseUri(field, value, "http", "https");
  }

  URI parseUri(String field, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      for (String scheme : schemes) {
        if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
          return uri;
        }
      }
    } catch (URISyntaxException invalid) {
      // refused below
    }
    throw AcsErrors.badRequest(
        path(field),
        "The field "
            + path(field)
            + " is invalid: "
            + value
            + " is not an absolute "
            + String.join("/", schemes)
            + " URI.");
  }

  /** One of {@code allowed} (compared ignoring case), or {@code fallback} when absent. */
  @Nullable String oneOf(String field, @Nullable String fallback, String... allowed) {
    String value = optionalText(field);
    if (value == null) {
      return fallback;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw AcsErrors.badRequest(
        path(field),
        "The field " + path(field) + " must be one of " + String.join(", ", allowed) + ".");
  }

  ObjectNode copy() {
    return node.isObject() ? ((ObjectNode) node).deepCopy() : Json.object();
  }

  private RuntimeException missing(String field) {
    return AcsErrors.badRequest(path(field), "The " + path(field) + " field is required.");
  }
}
