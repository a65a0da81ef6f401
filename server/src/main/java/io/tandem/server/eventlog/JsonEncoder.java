package io.tandem.server.eventlog;

import io.tandem.core.skill.SkillExpression;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes values in their {@link JsonTypes JSON form}. Stateless and thread-safe. */
final class JsonEncoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonEncoder() {}

  /** The JSON form of {@code value}, whose declared type is {@code type}. */
  static JsonNode encode(Type type, Object value) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return encodeArray(arguments[0], (List<?>) value);
      }
      if (raw == Set.class) {
        List<Object> sorted = new ArrayList<>((Set<?>) value);
        sorted.sort(null);
        return encodeArray(arguments[0], sorted);
      }
      ObjectNode object = NODES.objectNode();
      Map<?, ?> map = (Map<?, ?>) value;
      (map instanceof java.util.SequencedMap<?, ?> ? map : new TreeMap<>(map))
          .forEach(
              (key, entry) -> object.set(keyText(key), encode(arguments[1], requireValue(entry))));
      return object;
    }
    Class<?> cls = (Class<?>) type;
    return switch (value) {
      case String text -> NODES.stringNode(text);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Boolean flag -> NODES.booleanNode(flag);
      case Instant instant -> NODES.stringNode(instant.toString());
      case Duration duration -> NODES.stringNode(duration.toString());
      case LocalDate date -> NODES.stringNode(date.toString());
      case LocalTime time -> NODES.stringNode(time.toString());
      case ZoneId zone -> NODES.stringNode(zone.getId());
      case SkillExpression expression -> NODES.stringNode(expression.toString());
      case Enum<?> constant -> NODES.stringNode(constant.name());
      default -> encodeObject(cls, value);
    };
  }

  private static JsonNode encodeObject(Class<?> declared, Object value) {
    if (JsonTypes.IDS.containsKey(value.getClass())) {
      return NODES.stringNode(value.toString());
    }
    ObjectNode object = NODES.objectNode();
    if (JsonTypes.isSealedInterface(declared)) {
      object.put(JsonTypes.KIND, value.getClass().getSimpleName());
    }
    encodeFields(value, object);
    return object;
  }

  /** Writes every component of {@code record} into {@code object}. */
  static void encodeFields(Object record, ObjectNode object) {
    RecordShape shape = RecordShape.of(record.getClass());
    for (RecordShape.Field field : shape.fields()) {
      Object value = shape.get(record, field);
      if (value == null) {
        if (!field.nullable()) {
          throw new IllegalStateException(
              record.getClass().getName() + "." + field.name() + " is null but not @Nullable");
        }
        object.putNull(field.name());
      } else {
        object.set(field.name(), encode(field.type(), value));
      }
    }
  }

  private static ArrayNode encodeArray(Type element, Collection<?> values) {
    ArrayNode array = NODES.arrayNode();
    for (Object value : values) {
      array.add(encode(element, requireValue(value)));
    }
    return array;
  }

  private static String keyText(Object key) {
    return key instanceof Enum<?> constant ? constant.name() : (String) key;
  }

  private static Object requireValue(@Nullable Object value) {
    if (value == null) {
      throw new IllegalStateException("collections in events must not hold null");
    }
    return value;
  }
}
