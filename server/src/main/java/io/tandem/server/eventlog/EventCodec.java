package io.tandem.server.eventlog;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.FlowEvent;
import io.tandem.core.hours.BusinessHoursEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.skill.SkillEvent;
import io.tandem.core.wrapup.WrapUpCodeEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every tenant event into a type name and a JSON payload, and back.
 *
 * <p>The type name is the event's family and record name, e.g. {@code interaction.Offered}; the
 * families are the sealed interfaces {@link AgentEvent} ({@code agent}), {@link InteractionEvent}
 * ({@code interaction}), {@link QueueEvent} ({@code queue}), {@link BusinessHoursEvent} ({@code
 * hours}), {@link SkillEvent} ({@code skill}), {@link FlowEvent} ({@code flow}) and {@link
 * WrapUpCodeEvent} ({@code wrapup}), and every record they permit is registered by reflection, so a
 * new event record is covered without touching this class. The payload is a JSON object with one
 * field per record component (see {@link JsonTypes} for the form of each value), in declaration
 * order, ASCII only (other characters are escaped, so the database's character set never matters).
 *
 * <p>Decoding is strict: an unknown type, malformed JSON, or a missing, unknown, ill-typed or
 * rejected field throws {@link EventCodecException} naming the type and the field; it never yields
 * a partly filled event. Renaming an event or one of its components changes its JSON, so old logs
 * would no longer decode: the fixture test of every type's JSON ({@code events-v1.jsonl}) guards
 * that. Immutable and thread-safe.
 */
public final class EventCodec {

  private static final Map<Class<?>, String> FAMILIES =
      Map.of(
          AgentEvent.class,
          "agent",
          InteractionEvent.class,
          "interaction",
          QueueEvent.class,
          "queue",
          BusinessHoursEvent.class,
          "hours",
          SkillEvent.class,
          "skill",
          FlowEvent.class,
          "flow",
          WrapUpCodeEvent.class,
          "wrapup");

  /** The longest type name the event log stores. */
  static final int MAX_TYPE_LENGTH = 100;

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();
  private final Map<String, Class<?>> classes = new LinkedHashMap<>();
  private final Map<Class<?>, String> names = new LinkedHashMap<>();

  /**
   * Registers every event record of every family.
   *
   * @throws IllegalArgumentException if some event carries a value with no JSON form
   */
  public EventCodec() {
    FAMILIES.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(family -> register(family.getKey(), family.getValue()));
  }

  private void register(Class<?> family, String prefix) {
    for (Class<?> type : family.getPermittedSubclasses()) {
      String name = prefix + "." + type.getSimpleName();
      if (!type.isRecord()) {
        throw new IllegalArgumentException("event " + name + " is not a record");
      }
      if (name.length() > MAX_TYPE_LENGTH) {
        throw new IllegalArgumentException("event type name longer than 100 characters: " + name);
      }
      JsonTypes.requireSupported(type, name);
      classes.put(name, type);
      names.put(type, name);
    }
  }

  /** Every type name this codec knows, family by family in declaration order. */
  public Set<String> typeNames() {
    return Collections.unmodifiableSet(classes.keySet());
  }

  /** The type name of {@code event}, e.g. {@code interaction.Offered}. */
  public String typeOf(TenantEvent event) {
    String name = names.get(event.getClass());
    if (name == null) {
      throw new EventCodecException(
          "no type name for event class "
              + event.getClass().getName()
              + ": events must be records of one of "
              + FAMILIES.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }
    return name;
  }

  /** The JSON payload of {@code event}. */
  public String encode(TenantEvent event) {
    typeOf(event);
    ObjectNode object = json.createObjectNode();
    JsonEncoder.encodeFields(event, object);
    return json.writeValueAsString(object);
  }

  /**
   * The event of type {@code type} that {@code payload} describes.
   *
   * @throws EventCodecException if the type is unknown or the payload does not describe a valid
   *     event of that type
   */
  public TenantEvent decode(String type, String payload) {
    Class<?> cls = classes.get(type);
    if (cls == null) {
      throw new EventCodecException("cannot decode unknown event type '" + type + "'");
    }
    JsonNode node;
    try {
      node = json.readTree(payload);
    } catch (JacksonException e) {
      throw new EventCodecException(
          "cannot decode " + type + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new EventCodecException("cannot decode " + type + ": empty payload");
    }
    try {
      return (TenantEvent) JsonDecoder.STORED.decodeFields(cls, node, "", Set.of());
    } catch (InvalidValue e) {
      throw new EventCodecException(
          "cannot decode " + type + ": field '" + e.field() + "': " + e.problem());
    }
  }
}
