package io.tandem.emulator.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's one JSON mapper, and short ways to build wire payloads as trees. */
public final class Json {

  /** Shared, thread-safe mapper. Wire payloads are open types, so they are built as trees. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  public static String text(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }
}
