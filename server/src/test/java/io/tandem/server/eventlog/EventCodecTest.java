package io.tandem.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.FlowEvent;
import io.tandem.core.hours.BusinessHoursEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.skill.SkillEvent;
import io.tandem.core.wrapup.WrapUpCodeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class EventCodecTest {

  private static final List<Class<?>> FAMILIES =
      List.of(
          AgentEvent.class,
          InteractionEvent.class,
          QueueEvent.class,
          BusinessHoursEvent.class,
          SkillEvent.class,
          FlowEvent.class,
          WrapUpCodeEvent.class);

  private final EventCodec codec = new EventCodec();

  static Stream<TenantEvent> samples() {
    return Stream.concat(EventSamples.all().stream(), EventSamples.variants().stream());
  }

  private static Set<Class<?>> permittedEventRecords() {
    return FAMILIES.stream()
        .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
        .collect(Collectors.toSet());
  }

  @Test
  void everyPermittedEventRecord_hasASample() {
    Set<Class<?>> sampled =
        EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());

    assertThat(sampled)
        .as("add a sample of each new event to EventSamples.all() (and to events-v1.jsonl)")
        .containsExactlyInAnyOrderElementsOf(permittedEventRecords());
  }

  @Test
  void everyTenantEventInCore_isARecordOfARegisteredFamily() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(TenantEvent.class));
    Set<String> found =
        scanner.findCandidateComponents("io.tandem.core").stream()
            .map(BeanDefinition::getBeanClassName)
            .collect(Collectors.toSet());

    assertThat(found).isNotEmpty();
    assertThat(found)
        .as(
            "every concrete TenantEvent is a record permitted by a family registered in"
                + " EventCodec; a new family must be added there")
        .containsExactlyInAnyOrderElementsOf(
            permittedEventRecords().stream().map(Class::getName).toList());
  }

  @Test
  void typeNames_areFamilyAndRecordName_forEveryPermittedRecord() {
    assertThat(codec.typeNames())
        .hasSize(permittedEventRecords().size())
        .contains("agent.Configured", "interaction.Offered", "queue.Removed");
    assertThat(codec.typeOf(EventSamples.all().get(0))).isEqualTo("agent.Configured");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void encodeThenDecode_givesAnEqualEvent(TenantEvent event) {
    String type = codec.typeOf(event);

    TenantEvent decoded = codec.decode(type, codec.encode(event));

    assertThat(decoded).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void payload_isAsciiJson(TenantEvent event) {
    String payload = codec.encode(event);

    assertThat(payload).startsWith("{").endsWith("}");
    assertThat(payload.chars().allMatch(c -> c < 128)).as(payload).isTrue();
  }

  /**
   * The stored JSON of every event type is fixed in {@code events-v1.jsonl}: a change there means
   * logs written before it would no longer decode (renamed event or component, changed value form).
   */
  @Test
  void everySample_encodesToItsStoredJson_andTheStoredJsonDecodesToIt() throws IOException {
    Map<String, String> stored = storedJson();
    Map<String, TenantEvent> samples = new LinkedHashMap<>();
    EventSamples.all().forEach(event -> samples.put(codec.typeOf(event), event));

    assertThat(stored.keySet()).containsExactlyElementsOf(samples.keySet());
    samples.forEach(
        (type, event) -> {
          assertThat(codec.encode(event)).as(type).isEqualTo(stored.get(type));
          assertThat(codec.decode(type, stored.get(type))).as(type).isEqualTo(event);
        });
  }

  private static Map<String, String> storedJson() throws IOException {
    Map<String, String> stored = new LinkedHashMap<>();
    try (InputStream in = EventCodecTest.class.getResourceAsStream("events-v1.jsonl")) {
      assertThat(in).as("events-v1.jsonl on the test class path").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] typeAndPayload = line.split("\t", 2);
        stored.put(typeAndPayload[0], typeAndPayload[1]);
      }
    }
    return stored;
  }

  // --- strict decoding -------------------------------------------------------------------------

  @Test
  void decode_unknownType_isRejected() {
    assertThatThrownBy(() -> codec.decode("interaction.Teleported", "{}"))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("unknown event type 'interaction.Teleported'");
  }

  @Test
  void decode_malformedJson_isRejectedNamingTheType() {
    assertThatThrownBy(() -> codec.decode("interaction.Held", "{\"interaction\": \"c1\","))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("interaction.Held")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void decode_trailingGarbage_isRejected() {
    String payload = codec.encode(EventSamples.all().get(2)) + " {}";

    assertThatThrownBy(() -> codec.decode("agent.LoggedIn", payload))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void decode_emptyPayload_isRejected() {
    assertThatThrownBy(() -> codec.decode("interaction.Held", ""))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("interaction.Held");
  }

  @Test
  void decode_notAnObject_isRejected() {
    assertThatThrownBy(() -> codec.decode("interaction.Held", "[1, 2]"))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("expected an object");
  }

  @Test
  void decode_duplicateField_isRejected() {
    String payload =
        "{\"interaction\":\"c1\",\"interaction\":\"c2\",\"at\":\"2026-03-02T09:00:00Z\"}";

    assertThatThrownBy(() -> codec.decode("interaction.Held", payload))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("interaction.Held")
        .hasMessageContaining("interaction");
  }

  static Stream<List<String>> rejectedPayloads() {
    return Stream.of(
        // type, payload, field, problem
        List.of("interaction.Held", "{\"at\":\"2026-03-02T09:00:00Z\"}", "interaction", "missing"),
        List.of(
            "interaction.Held",
            "{\"interaction\":\"c1\",\"at\":\"2026-03-02T09:00:00Z\",\"agent\":\"anna\"}",
            "agent",
            "unknown field"),
        List.of(
            "interaction.Held",
            "{\"interaction\":null,\"at\":\"2026-03-02T09:00:00Z\"}",
            "interaction",
            "must not be null"),
        List.of(
            "interaction.Held",
            "{\"interaction\":\"c1\",\"at\":\"yesterday\"}",
            "at",
            "ISO-8601 instant"),
        List.of(
            "interaction.Held",
            "{\"interaction\":\"has space\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "interaction",
            "interaction id must be 1-128 characters"),
        List.of(
            "interaction.Held",
            "{\"interaction\":42,\"at\":\"2026-03-02T09:00:00Z\"}",
            "interaction",
            "expected an id"),
        List.of(
            "interaction.Escalated",
            "{\"interaction\":\"c1\",\"stage\":\"2\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "stage",
            "32-bit integer"),
        List.of(
            "interaction.Escalated",
            "{\"interaction\":\"c1\",\"stage\":2.5,\"at\":\"2026-03-02T09:00:00Z\"}",
            "stage",
            "32-bit integer"),
        List.of(
            "interaction.Escalated",
            "{\"interaction\":\"c1\",\"stage\":4294967296,\"at\":\"2026-03-02T09:00:00Z\"}",
            "stage",
            "32-bit integer"),
        List.of(
            "agent.PresenceChanged",
            "{\"agent\":\"anna\",\"availability\":\"Available\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "availability",
            "unknown Availability 'Available'"),
        List.of(
            "interaction.RequirementsChanged",
            "{\"interaction\":\"c1\",\"priority\":1,\"skills\":\"billing >=\",\"language\":null,"
                + "\"at\":\"2026-03-02T09:00:00Z\"}",
            "skills",
            "skill expression"),
        List.of(
            "interaction.WrapUpCompleted",
            "{\"interaction\":\"c1\",\"agent\":\"anna\",\"code\":null,\"notes\":null,"
                + "\"automatic\":\"yes\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "automatic",
            "true or false"),
        List.of(
            "interaction.Overflowed",
            "{\"interaction\":\"c1\",\"from\":\"q\",\"reason\":\"r\","
                + "\"action\":{\"kind\":\"ToMoon\"},\"at\":\"2026-03-02T09:00:00Z\"}",
            "action.kind",
            "unknown QueueAction 'ToMoon'"),
        List.of(
            "interaction.Overflowed",
            "{\"interaction\":\"c1\",\"from\":\"q\",\"reason\":\"r\","
                + "\"action\":{\"queue\":\"q2\"},\"at\":\"2026-03-02T09:00:00Z\"}",
            "action.kind",
            "missing"),
        List.of(
            "interaction.Overflowed",
            "{\"interaction\":\"c1\",\"from\":\"q\",\"reason\":\"r\","
                + "\"action\":{\"kind\":\"ToNumber\",\"number\":\"12\"},"
                + "\"at\":\"2026-03-02T09:00:00Z\"}",
            "action",
            "ToNumber rejects the value: forward number must be +E164"),
        List.of(
            "interaction.Arrived",
            "{\"interaction\":\"c1\",\"channel\":\"VOICE\",\"from\":\"a\",\"to\":\"b\","
                + "\"attributes\":{\"k\":1},\"arrivalOrder\":1,\"at\":\"2026-03-02T09:00:00Z\"}",
            "attributes.k",
            "expected a string"),
        List.of(
            "agent.Configured",
            "{\"profile\":{\"id\":\"anna\",\"name\":\"Anna\","
                + "\"skills\":{\"proficiencies\":{\"billing\":9},\"languages\":[]},"
                + "\"capacity\":{},\"teamsUserId\":null},\"at\":\"2026-03-02T09:00:00Z\"}",
            "profile.skills",
            "proficiency of skill 'billing' must be 1-5"),
        List.of(
            "agent.Configured",
            "{\"profile\":{\"id\":\"anna\",\"name\":\"Anna\","
                + "\"skills\":{\"proficiencies\":{},\"languages\":[\"de\",\"de\"]},"
                + "\"capacity\":{},\"teamsUserId\":null},\"at\":\"2026-03-02T09:00:00Z\"}",
            "profile.skills.languages",
            "distinct"),
        List.of(
            "agent.Configured",
            "{\"profile\":{\"id\":\"anna\",\"name\":\"Anna\","
                + "\"skills\":{\"proficiencies\":{},\"languages\":[]},"
                + "\"capacity\":{\"FAX\":1},\"teamsUserId\":null},\"at\":\"2026-03-02T09:00:00Z\"}",
            "profile.capacity.FAX",
            "unknown Channel 'FAX'"));
  }

  @ParameterizedTest
  @MethodSource("rejectedPayloads")
  void decode_badField_isRejectedNamingTypeAndField(List<String> testCase) {
    String type = testCase.get(0);

    assertThatThrownBy(() -> codec.decode(type, testCase.get(1)))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("cannot decode " + type + ": field '" + testCase.get(2) + "'")
        .hasMessageContaining(testCase.get(3));
  }

  @Test
  void decode_queueConfigTheDomainRejects_isRejectedNamingTheField() {
    String payload =
        codec
            .encode(new QueueEvent.Configured(EventSamples.billing(), EventSamples.AT))
            .replace("\"priority\":10", "\"priority\":101");

    assertThatThrownBy(() -> codec.decode("queue.Configured", payload))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("field 'config'")
        .hasMessageContaining("priority must be 0-100, got 101");
  }

  /** A value whose type has no JSON form. */
  record Scheduled(java.util.Optional<String> note, Object anything) {}

  @Test
  void aValueTypeWithNoJsonForm_isRefusedUpFront_namingWhere() {
    assertThatThrownBy(() -> JsonTypes.requireSupported(Scheduled.class, "interaction.Scheduled"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at 'interaction.Scheduled.note'")
        .hasMessageContaining("only List, Set and Map");
  }

  @Test
  void encode_eventOfNoFamily_isRejected() {
    TenantEvent stray = () -> EventSamples.AT;

    assertThatThrownBy(() -> codec.encode(stray))
        .isInstanceOf(EventCodecException.class)
        .hasMessageContaining("no type name for event class");
  }
}
