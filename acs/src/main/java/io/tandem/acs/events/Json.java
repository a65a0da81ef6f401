package io.tandem.acs.events;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON bodies ACS sends, with bounded nesting and string sizes. */
final class Json {

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(32)
                          .maxStringLength(1 << 20)
                          .build())
                  .build())
          .build();

  private Json() {}

  /** The body as a JSON array; anything else is refused. */
  static JsonNode array(byte[] body) {
    JsonNode document;
    try {
      document = MAPPER.readTree(body);
    } catch (JacksonException malformed) {
      throw new IllegalArgumentException("not JSON: " + malformed.getOriginalMessage());
    }
    if (document == null || !document.isArray()) {
      throw new IllegalArgumentException("the body must be a JSON array of events");
    }
    return document;
  }

  /** The text at {@code field}, required non-blank. */
  static String required(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (!value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException(path + field + " is required");
    }
    return value.asString();
  }

  /** The text at {@code field}, or null when absent, null or not text. */
  static @Nullable String optional(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : null;
  }

  /** A JSON object of text values as a map; other values are skipped. */
  static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getValue().isString()) {
          values.put(entry.getKey(), entry.getValue().asString());
        }
      }
    }
    return values;
  }
}
