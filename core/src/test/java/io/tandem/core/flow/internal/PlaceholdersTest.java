package io.tandem.core.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static final Map<String, String> ATTRIBUTES =
      Map.of("customerName", "Zoë $1 \\o/", "crm.tier", "gold");

  @Test
  void resolve_replacesEachPlaceholderByItsValueAsItIs() {
    assertThat(Placeholders.resolve("Hello ${customerName}, you are ${crm.tier}.", ATTRIBUTES))
        .isEqualTo("Hello Zoë $1 \\o/, you are gold.");
  }

  @Test
  void resolve_placeholderWithoutValue_becomesNothing() {
    assertThat(Placeholders.resolve("[${missing}]", ATTRIBUTES)).isEqualTo("[]");
  }

  @Test
  void resolve_leavesTextThatIsNoPlaceholderAlone() {
    assertThat(Placeholders.resolve("costs $5 {not} ${unclosed", ATTRIBUTES))
        .isEqualTo("costs $5 {not} ${unclosed");
  }

  @Test
  void resolvePercentEncoded_encodesAllButUnreservedCharacters() {
    assertThat(
            Placeholders.resolvePercentEncoded(
                "https://crm/x/${customerName}?t=${crm.tier}", ATTRIBUTES))
        .isEqualTo("https://crm/x/Zo%C3%AB%20%241%20%5Co%2F?t=gold");
  }

  @Test
  void problems_nameUnclosedAndMalformedPlaceholdersWithTheirPosition() {
    assertThat(Placeholders.problems("ok ${a} ${1x} ${b"))
        .containsExactly(
            "placeholder '${1x}' at position 8 does not name an attribute: expected a letter, then"
                + " up to 63 letters, digits, '_', '.' or '-'",
            "placeholder at position 14 is not closed with '}'");
  }

  @Test
  void problems_wellFormedTemplate_hasNone() {
    assertThat(Placeholders.problems("Dear ${customerName}, ${crm.tier-level_2}")).isEmpty();
  }
}
