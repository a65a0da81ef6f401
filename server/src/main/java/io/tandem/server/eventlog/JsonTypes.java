package io.tandem.server.eventlog;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.tenant.TenantId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of every value an event carries, chosen by the value's declared type:
 *
 * <ul>
 *   <li>{@code String}, {@code int}, {@code long}, {@code boolean}: JSON string, number, boolean
 *   <li>{@code Instant}, {@code Duration}, {@code LocalDate}, {@code LocalTime}: ISO-8601 text
 *       ({@code 2026-03-02T09:00:00Z}, {@code PT15S}, {@code 2026-12-24}, {@code 09:00})
 *   <li>{@code ZoneId}: its id ({@code Europe/Berlin})
 *   <li>ids ({@code AgentId}, {@code QueueId}, {@code InteractionId}, {@code ReservationId}, {@code
 *       TenantId}): the id as a string
 *   <li>{@code SkillExpression}: its canonical text, parsed back
 *   <li>enums: the constant's name ({@code AVAILABLE}, {@code VOICE})
 *   <li>{@code List}: an array in order; {@code Set}: an array in natural order; {@code Map} with
 *       string or enum keys: an object in key order, or in the map's own order when it is a {@code
 *       SequencedMap} (a flow's nodes keep the order they were written in)
 *   <li>a sealed interface of records ({@code QueueAction}), or of records and such interfaces
 *       ({@code FlowNode}): the record's object plus {@code "kind"}, its simple name
 *   <li>any other record ({@code AgentProfile}, {@code AgentSkills}, {@code QueueConfig} …): an
 *       object with one field per component, every field present, {@code null} only where the
 *       component is {@code @Nullable}
 * </ul>
 *
 * <p>{@link JsonEncoder} writes these forms and {@link JsonDecoder} reads them strictly. {@link
 * #requireSupported} walks a type once up front so that a type without a JSON form fails at
 * start-up, not on first use. Stateless and thread-safe.
 */
final class JsonTypes {

  /** The field that names a sealed interface's record in its JSON object. */
  static final String KIND = "kind";

  /** How each id type is made from its string. */
  static final Map<Class<?>, Function<String, Object>> IDS =
      Map.of(
          AgentId.class, AgentId::new,
          QueueId.class, QueueId::new,
          InteractionId.class, InteractionId::new,
          ReservationId.class, ReservationId::new,
          TenantId.class, TenantId::new);

  private JsonTypes() {}

  /**
   * Throws {@link IllegalArgumentException} naming {@code path} if {@code type} has no JSON form.
   */
  static void requireSupported(Type type, String path) {
    requireSupported(type, path, new HashSet<>());
  }

  private static void requireSupported(Type type, String path, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        requireSupported(arguments[0], path + "[]", seen);
      } else if (raw == Set.class) {
        requireComparable(arguments[0], path);
        requireSupported(arguments[0], path + "[]", seen);
      } else if (raw == Map.class) {
        if (arguments[0] != String.class && !isEnum(arguments[0])) {
          throw unsupported(type, path, "map keys must be strings or enums");
        }
        requireSupported(arguments[1], path + ".*", seen);
      } else {
        throw unsupported(type, path, "only List, Set and Map are supported as generic types");
      }
      return;
    }
    if (!(type instanceof Class<?> cls)) {
      throw unsupported(type, path, "not a concrete type");
    }
    if (isLeaf(cls)) {
      return;
    }
    if (isSealedInterface(cls)) {
      for (Class<?> kind : kinds(cls)) {
        if (!kind.isRecord()) {
          throw unsupported(
              kind, path, "every permitted subclass of a sealed type must be a record");
        }
        requireSupported(kind, path + "<" + kind.getSimpleName() + ">", seen);
      }
      return;
    }
    if (cls.isRecord()) {
      for (RecordShape.Field field : RecordShape.of(cls).fields()) {
        if (field.name().equals(KIND)) {
          throw unsupported(cls, path, "a component named 'kind' clashes with the discriminator");
        }
        requireSupported(field.type(), join(path, field.name()), seen);
      }
      return;
    }
    throw unsupported(type, path, "no JSON form defined");
  }

  /**
   * The records a sealed interface permits, directly or through sealed interfaces it permits, in
   * declaration order.
   */
  static List<Class<?>> kinds(Class<?> sealed) {
    List<Class<?>> kinds = new java.util.ArrayList<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (isSealedInterface(permitted)) {
        kinds.addAll(kinds(permitted));
      } else {
        kinds.add(permitted);
      }
    }
    return kinds;
  }

  private static void requireComparable(Type element, String path) {
    if (!(element instanceof Class<?> cls) || !Comparable.class.isAssignableFrom(cls)) {
      throw unsupported(element, path, "set elements must be comparable, for a stable order");
    }
  }

  private static IllegalArgumentException unsupported(Type type, String path, String why) {
    return new IllegalArgumentException(
        "no JSON form for " + type.getTypeName() + " at '" + path + "': " + why);
  }

  private static boolean isLeaf(Class<?> cls) {
    return cls == String.class
        || cls == int.class
        || cls == Integer.class
        || cls == long.class
        || cls == Long.class
        || cls == boolean.class
        || cls == Boolean.class
        || cls == Instant.class
        || cls == Duration.class
        || cls == LocalDate.class
        || cls == LocalTime.class
        || cls == ZoneId.class
        || cls == SkillExpression.class
        || IDS.containsKey(cls)
        || cls.isEnum();
  }

  private static boolean isEnum(Type type) {
    return type instanceof Class<?> cls && cls.isEnum();
  }

  /** Whether {@code type} is an interface whose permitted subclasses are told apart by kind. */
  static boolean isSealedInterface(Class<?> type) {
    return type.isSealed() && type.isInterface();
  }

  /** {@code name} under {@code path}, e.g. {@code config.stages}. */
  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
