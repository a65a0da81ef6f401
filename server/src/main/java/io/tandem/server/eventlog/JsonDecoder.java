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
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads values from their {@link JsonTypes JSON form}, strictly: a missing, unknown or ill-typed
 * field, a null where the component is not {@code @Nullable}, a duplicate set element, or a value
 * the domain rejects throws {@link InvalidValue} naming the field. {@link #STORED} reads the event
 * log; a decoder for documents people write may let absent {@code @Nullable} fields be null and
 * read durations in more forms. Immutable and thread-safe.
 */
final class JsonDecoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The decoder of stored events: every field present, durations ISO-8601 only. */
  static final JsonDecoder STORED = new JsonDecoder(false, Duration::parse, "PT15S");

  private final boolean absentIsNull;
  private final Function<String, Duration> durations;
  private final String durationExample;

  /**
   * @param absentIsNull whether an absent {@code @Nullable} field reads as null
   * @param durations reads a duration's text, throwing if it is not one
   * @param durationExample a duration as {@code durations} reads it, for messages
   */
  JsonDecoder(boolean absentIsNull, Function<String, Duration> durations, String durationExample) {
    this.absentIsNull = absentIsNull;
    this.durations = durations;
    this.durationExample = durationExample;
  }

  /** The value of declared type {@code type} that {@code node} (at {@code path}) describes. */
  Object decode(Type type, JsonNode node, String path) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return decodeList(arguments[0], node, path);
      }
      if (raw == Set.class) {
        List<Object> elements = decodeList(arguments[0], node, path);
        Set<Object> set = Set.copyOf(elements);
        if (set.size() != elements.size()) {
          throw new InvalidValue(path, "expected distinct elements, got " + node);
        }
        return set;
      }
      return decodeMap(arguments[0], arguments[1], node, path);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      return text(node, path, "a string");
    }
    if (cls == int.class || cls == Integer.class) {
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw new InvalidValue(path, "expected a 32-bit integer, got " + node);
      }
      return node.intValue();
    }
    if (cls == long.class || cls == Long.class) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw new InvalidValue(path, "expected a 64-bit integer, got " + node);
      }
      return node.longValue();
    }
    if (cls == boolean.class || cls == Boolean.class) {
      if (!node.isBoolean()) {
        throw new InvalidValue(path, "expected true or false, got " + node);
      }
      return node.booleanValue();
    }
    if (cls == Instant.class) {
      return parse(node, path, "an ISO-8601 instant such as 2026-03-02T09:00:00Z", Instant::parse);
    }
    if (cls == Duration.class) {
      return parse(node, path, "a duration such as " + durationExample, durations);
    }
    if (cls == LocalDate.class) {
      return parse(node, path, "an ISO-8601 date such as 2026-12-24", LocalDate::parse);
    }
    if (cls == LocalTime.class) {
      return parse(node, path, "an ISO-8601 local time such as 09:00", LocalTime::parse);
    }
    if (cls == ZoneId.class) {
      return parse(node, path, "a time zone such as Europe/Berlin", ZoneId::of);
    }
    if (cls == SkillExpression.class) {
      return parse(node, path, "a skill expression", SkillExpression::parse);
    }
    Function<String, Object> id = JsonTypes.IDS.get(cls);
    if (id != null) {
      return parse(node, path, "an id", id);
    }
    if (cls.isEnum()) {
      return decodeEnum(cls, node, path);
    }
    if (JsonTypes.isSealedInterface(cls)) {
      return decodeKind(cls, node, path);
    }
    return decodeFields(cls, node, path, Set.of());
  }

  /**
   * The record of class {@code cls} whose fields {@code node} holds; {@code extraFields} may also
   * appear (a discriminator) and are ignored.
   */
  Object decodeFields(Class<?> cls, JsonNode node, String path, Set<String> extraFields) {
    if (!node.isObject()) {
      throw new InvalidValue(orPayload(path), "expected an object, got " + node);
    }
    RecordShape shape = RecordShape.of(cls);
    Set<String> known = new HashSet<>(extraFields);
    Object[] values = new Object[shape.fields().size()];
    int i = 0;
    for (RecordShape.Field field : shape.fields()) {
      known.add(field.name());
      String fieldPath = JsonTypes.join(path, field.name());
      JsonNode value = node.get(field.name());
      if (value == null && absentIsNull && field.nullable()) {
        values[i++] = null;
        continue;
      }
      if (value == null) {
        throw new InvalidValue(fieldPath, "missing");
      }
      if (value.isNull()) {
        if (!field.nullable()) {
          throw new InvalidValue(fieldPath, "must not be null");
        }
        values[i++] = null;
      } else {
        values[i++] = decode(field.type(), value, fieldPath);
      }
    }
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        throw new InvalidValue(
            JsonTypes.join(path, name), "unknown field for " + cls.getSimpleName());
      }
    }
    return shape.create(values, path);
  }

  private Object decodeKind(Class<?> sealed, JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidValue(orPayload(path), "expected an object, got " + node);
    }
    String kindPath = JsonTypes.join(path, JsonTypes.KIND);
    JsonNode kindNode = node.get(JsonTypes.KIND);
    if (kindNode == null) {
      throw new InvalidValue(kindPath, "missing");
    }
    String kind = text(kindNode, kindPath, "a string");
    List<Class<?>> kinds = JsonTypes.kinds(sealed);
    for (Class<?> permitted : kinds) {
      if (permitted.getSimpleName().equals(kind)) {
        return decodeFields(permitted, node, path, Set.of(JsonTypes.KIND));
      }
    }
    throw new InvalidValue(
        kindPath,
        "unknown "
            + sealed.getSimpleName()
            + " '"
            + kind
            + "', expected one of "
            + kinds.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
  }

  private List<Object> decodeList(Type element, JsonNode node, String path) {
    if (!node.isArray()) {
      throw new InvalidValue(path, "expected an array, got " + node);
    }
    List<Object> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode value = node.get(i);
      String elementPath = path + "[" + i + "]";
      if (value.isNull()) {
        throw new InvalidValue(elementPath, "must not be null");
      }
      values.add(decode(element, value, elementPath));
    }
    return values;
  }

  private Map<Object, Object> decodeMap(Type key, Type value, JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidValue(path, "expected an object, got " + node);
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String entryPath = JsonTypes.join(path, entry.getKey());
      Object decodedKey =
          key == String.class
              ? entry.getKey()
              : decodeEnum((Class<?>) key, NODES.stringNode(entry.getKey()), entryPath);
      if (entry.getValue().isNull()) {
        throw new InvalidValue(entryPath, "must not be null");
      }
      map.put(decodedKey, decode(value, entry.getValue(), entryPath));
    }
    return map;
  }

  private static Object decodeEnum(Class<?> cls, JsonNode node, String path) {
    String name = text(node, path, "a string");
    for (Object constant : cls.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new InvalidValue(
        path,
        "unknown "
            + cls.getSimpleName()
            + " '"
            + name
            + "', expected one of "
            + Arrays.toString(cls.getEnumConstants()));
  }

  private static String text(JsonNode node, String path, String expected) {
    if (!node.isString()) {
      throw new InvalidValue(path, "expected " + expected + ", got " + node);
    }
    return node.stringValue();
  }

  private static Object parse(
      JsonNode node, String path, String expected, Function<String, ?> parser) {
    String text = text(node, path, expected);
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new InvalidValue(
          path, "expected " + expected + ", got " + node + " (" + e.getMessage() + ")");
    }
  }

  private static String orPayload(String path) {
    return path.isEmpty() ? "(payload)" : path;
  }
}
