package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.server.eventlog.EventCodec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing event type patterns against the codec's type names, and matching types. */
class EventTypeFilterTest {

  private final Set<String> known = new EventCodec().typeNames();

  @Test
  void parse_acceptsTypesFamiliesAndEverything() {
    EventTypeFilter filter =
        EventTypeFilter.parse(List.of("interaction.*", " agent.LoggedIn ", "*"), known);

    assertThat(filter.patterns()).containsExactly("interaction.*", "agent.LoggedIn", "*");
  }

  @Test
  void parse_refusesUnknownTypesAndFamilies_namingTheIndex() {
    for (String bad :
        List.of("interaction.Nope", "billing.*", ".*", "interaction", "agent.Logged*")) {
      assertThatThrownBy(() -> EventTypeFilter.parse(List.of("agent.LoggedIn", bad), known))
          .as(bad)
          .isInstanceOfSatisfying(
              EventTypeFilter.InvalidPattern.class, e -> assertThat(e.index()).isEqualTo(1));
    }
  }

  @Test
  void parse_refusesAnEmptyList() {
    assertThatThrownBy(() -> EventTypeFilter.parse(List.of(), known))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(EventTypeFilter.InvalidPattern.class);
  }

  @Test
  void matches_anyPattern() {
    EventTypeFilter filter = new EventTypeFilter(List.of("interaction.*", "agent.LoggedIn"));

    assertThat(filter.matches("interaction.Connected")).isTrue();
    assertThat(filter.matches("agent.LoggedIn")).isTrue();
    assertThat(filter.matches("agent.LoggedOut")).isFalse();
    assertThat(filter.matches("queue.Configured")).isFalse();
    assertThat(EventTypeFilter.ALL.matches("queue.Configured")).isTrue();
  }
}
