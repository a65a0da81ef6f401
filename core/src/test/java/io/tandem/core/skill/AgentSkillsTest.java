package io.tandem.core.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentSkillsTest {

  @Test
  void proficiency_skillHeld_isItsLevel() {
    AgentSkills agent = AgentSkills.of(Map.of("billing", 3));

    assertThat(agent.proficiency("billing")).isEqualTo(3);
  }

  @Test
  void proficiency_skillLacking_isZero() {
    assertThat(AgentSkills.of(Map.of("billing", 3)).proficiency("sales")).isZero();
    assertThat(AgentSkills.NONE.proficiency("billing")).isZero();
  }

  @Test
  void speaks_listedLanguage_isTrueOthersFalse() {
    AgentSkills agent = AgentSkills.of(Map.of(), "de", "pt-br");

    assertThat(agent.speaks("de")).isTrue();
    assertThat(agent.speaks("pt-br")).isTrue();
    assertThat(agent.speaks("en")).isFalse();
    assertThat(agent.speaks("DE")).isFalse();
  }

  @Test
  void none_hasNoSkillsAndNoLanguages() {
    assertThat(AgentSkills.NONE.proficiencies()).isEmpty();
    assertThat(AgentSkills.NONE.languages()).isEmpty();
  }

  @Test
  void constructor_copiesItsInputs_laterChangesDoNotLeakIn() {
    Map<String, Integer> proficiencies = new HashMap<>(Map.of("billing", 3));
    AgentSkills agent = AgentSkills.of(proficiencies);

    proficiencies.put("sales", 5);

    assertThat(agent.proficiency("sales")).isZero();
    assertThatThrownBy(() -> agent.proficiencies().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_repeatedLanguage_isKeptOnce() {
    assertThat(AgentSkills.of(Map.of(), "de", "de").languages()).containsExactly("de");
  }

  @Test
  void skillNames_atTheLimits_areAccepted() {
    String longest = "a" + "b".repeat(63);

    AgentSkills agent = AgentSkills.of(Map.of("x", 1, longest, 5, "tier-2_support", 2));

    assertThat(agent.proficiency(longest)).isEqualTo(5);
  }

  @Test
  void skillName_upperCase_isRejectedNamingIt() {
    assertThatThrownBy(() -> AgentSkills.of(Map.of("Billing", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Billing'")
        .hasMessageContaining("lower-case");
  }

  @Test
  void skillName_malformed_isRejectedNamingIt() {
    for (String bad : new String[] {"", "1billing", "_billing", "bill ing", "a".repeat(65)}) {
      assertThatThrownBy(() -> AgentSkills.of(Map.of(bad, 3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void proficiency_outsideOneToFive_isRejectedNamingSkillAndValue() {
    assertThatThrownBy(() -> AgentSkills.of(Map.of("billing", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'billing'")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> AgentSkills.of(Map.of("billing", 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 6");
  }

  @Test
  void proficiency_null_isRejectedNamingSkill() {
    Map<String, Integer> proficiencies = new HashMap<>();
    proficiencies.put("billing", null);

    assertThatThrownBy(() -> new AgentSkills(proficiencies, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'billing'")
        .hasMessageContaining("got null");
  }

  @Test
  void language_malformed_isRejectedNamingIt() {
    for (String bad : new String[] {"DE", "d", "deut", "pt_br", "pt-", "pt-b", "en-abcdefghi"}) {
      assertThatThrownBy(() -> AgentSkills.of(Map.of(), bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void language_wellFormedTags_areAccepted() {
    AgentSkills agent = AgentSkills.of(Map.of(), "de", "fil", "pt-br", "es-419", "zh-hant-tw");

    assertThat(agent.languages()).hasSize(5);
  }
}
