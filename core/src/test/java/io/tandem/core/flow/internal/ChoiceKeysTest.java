package io.tandem.core.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceKeysTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "9",
        "*",
        "#",
        "billing",
        "Talk to an agent",
        "Zürich",
        "option 2",
        "don't know"
      })
  void problem_dtmfKeysAndPhrases_haveNone(String key) {
    assertThat(ChoiceKeys.problem(key)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "12", "**", "1#", "!", "a,b", "?"})
  void problem_otherKeys_areNamed(String key) {
    assertThat(ChoiceKeys.problem(key)).isNotNull();
  }

  @Test
  void targetOf_matchesDtmfExactlyAndPhrasesIgnoringCaseAndSpaces() {
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put("1", "billing");
    choices.put("Talk to  Support", "support");

    assertThat(ChoiceKeys.targetOf(choices, "1")).isEqualTo("billing");
    assertThat(ChoiceKeys.targetOf(choices, "talk TO support ")).isEqualTo("support");
    assertThat(ChoiceKeys.targetOf(choices, "talk to supports")).isNull();
    assertThat(ChoiceKeys.targetOf(choices, "2")).isNull();
  }
}
