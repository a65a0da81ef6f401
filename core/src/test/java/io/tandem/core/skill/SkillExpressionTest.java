package io.tandem.core.skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillExpressionTest {

  private static final AgentSkills GERMAN_BILLING_EXPERT =
      AgentSkills.of(Map.of("billing", 4), "de", "en");
  private static final AgentSkills GERMAN_BILLING_NOVICE =
      AgentSkills.of(Map.of("billing", 2), "de");
  private static final AgentSkills ENGLISH_BILLING_EXPERT =
      AgentSkills.of(Map.of("billing", 5), "en");

  @Test
  void issueExample_germanSpeakerWithBillingThree_matches() {
    SkillExpression expression = SkillExpression.parse("billing >= 3 and lang == de");

    assertThat(expression.matches(GERMAN_BILLING_EXPERT)).isTrue();
    assertThat(expression.matches(AgentSkills.of(Map.of("billing", 3), "de"))).isTrue();
    assertThat(expression.matches(GERMAN_BILLING_NOVICE)).isFalse();
    assertThat(expression.matches(ENGLISH_BILLING_EXPERT)).isFalse();
    assertThat(expression.matches(AgentSkills.NONE)).isFalse();
  }

  @Test
  void bareSkillName_meansTheAgentHasTheSkillAtAnyLevel() {
    SkillExpression billing = SkillExpression.parse("billing");

    assertThat(billing.matches(AgentSkills.of(Map.of("billing", 1)))).isTrue();
    assertThat(billing.matches(AgentSkills.of(Map.of("sales", 5)))).isFalse();
  }

  @Test
  void any_andTrue_matchEveryAgentIncludingOneWithoutSkills() {
    assertThat(SkillExpression.ANY.matches(AgentSkills.NONE)).isTrue();
    assertThat(SkillExpression.parse("any").matches(AgentSkills.NONE)).isTrue();
    assertThat(SkillExpression.parse("TRUE").matches(GERMAN_BILLING_EXPERT)).isTrue();
  }

  /** {@code matchesByProficiency}: one character per proficiency 0..5, {@code x} = matches. */
  @ParameterizedTest(name = "{0} matches proficiencies {1}")
  @CsvSource({
    "billing >= 3, ...xxx",
    "billing > 3,  ....xx",
    "billing <= 3, xxxx..",
    "billing < 3,  xxx...",
    "billing == 3, ...x..",
    "billing != 3, xxx.xx",
    "billing,      .xxxxx",
    "billing >= 1, .xxxxx",
    "billing <= 5, xxxxxx",
    "billing > 5,  ......",
  })
  void comparison_eachOperator_matchesExactlyTheseProficiencies(
      String text, String matchesByProficiency) {
    SkillExpression expression = SkillExpression.parse(text);

    StringBuilder actual = new StringBuilder();
    for (int proficiency = 0; proficiency <= 5; proficiency++) {
      AgentSkills agent =
          proficiency == 0 ? AgentSkills.NONE : AgentSkills.of(Map.of("billing", proficiency));
      actual.append(expression.matches(agent) ? 'x' : '.');
    }
    assertThat(actual.toString()).isEqualTo(matchesByProficiency);
  }

  @Test
  void comparison_agentWithoutSkill_countsAsZero() {
    AgentSkills withoutBilling = AgentSkills.of(Map.of("sales", 5));

    assertThat(SkillExpression.parse("billing < 3").matches(withoutBilling)).isTrue();
    assertThat(SkillExpression.parse("billing != 2").matches(withoutBilling)).isTrue();
    assertThat(SkillExpression.parse("billing and billing < 3").matches(withoutBilling)).isFalse();
  }

  @Test
  void language_equalsAndNotEquals_testWhatTheAgentSpeaks() {
    assertThat(SkillExpression.parse("lang == de").matches(GERMAN_BILLING_NOVICE)).isTrue();
    assertThat(SkillExpression.parse("lang == de").matches(ENGLISH_BILLING_EXPERT)).isFalse();
    assertThat(SkillExpression.parse("lang != de").matches(GERMAN_BILLING_NOVICE)).isFalse();
    assertThat(SkillExpression.parse("lang != de").matches(ENGLISH_BILLING_EXPERT)).isTrue();
  }

  @Test
  void language_longKeyword_isTheSameAsLang() {
    assertThat(SkillExpression.parse("language == de"))
        .isEqualTo(SkillExpression.parse("lang == de"));
    assertThat(SkillExpression.parse("LANGUAGE == de").matches(GERMAN_BILLING_NOVICE)).isTrue();
  }

  @Test
  void languageIn_matchesAnAgentSpeakingAnyListedLanguage() {
    SkillExpression germanOrFrench = SkillExpression.parse("lang in (de, fr)");

    assertThat(germanOrFrench.matches(GERMAN_BILLING_NOVICE)).isTrue();
    assertThat(germanOrFrench.matches(AgentSkills.of(Map.of(), "fr"))).isTrue();
    assertThat(germanOrFrench.matches(ENGLISH_BILLING_EXPERT)).isFalse();
  }

  @Test
  void and_bindsTighterThanOr() {
    SkillExpression expression = SkillExpression.parse("sales or billing and lang == de");
    AgentSkills salesOnly = AgentSkills.of(Map.of("sales", 1));

    assertThat(expression.matches(salesOnly)).isTrue();
    assertThat(expression.matches(ENGLISH_BILLING_EXPERT)).isFalse();
    assertThat(expression.matches(GERMAN_BILLING_NOVICE)).isTrue();
  }

  @Test
  void not_bindsTighterThanAnd() {
    SkillExpression expression = SkillExpression.parse("not sales and billing");

    assertThat(expression.matches(AgentSkills.of(Map.of("billing", 1)))).isTrue();
    assertThat(expression.matches(AgentSkills.NONE)).isFalse();
    assertThat(expression.toString()).isEqualTo("not sales and billing");
  }

  @Test
  void not_appliesToAWholeComparison() {
    SkillExpression expression = SkillExpression.parse("not billing >= 3");

    assertThat(expression.matches(GERMAN_BILLING_NOVICE)).isTrue();
    assertThat(expression.matches(GERMAN_BILLING_EXPERT)).isFalse();
    assertThat(expression.toString()).isEqualTo("not (billing >= 3)");
  }

  @Test
  void parentheses_overridePrecedence() {
    SkillExpression expression = SkillExpression.parse("(sales or billing) and lang == de");

    assertThat(expression.matches(AgentSkills.of(Map.of("sales", 1)))).isFalse();
    assertThat(expression.matches(AgentSkills.of(Map.of("sales", 1), "de"))).isTrue();
  }

  @Test
  void symbolSynonyms_meanTheSameAsKeywords() {
    assertThat(SkillExpression.parse("!sales && billing || lang==fr"))
        .isEqualTo(SkillExpression.parse("not sales and billing or lang == fr"));
  }

  @Test
  void keywords_areCaseInsensitive() {
    assertThat(SkillExpression.parse("NOT sales AND billing Or LANG In (de)"))
        .isEqualTo(SkillExpression.parse("not sales and billing or lang == de"));
  }

  @Test
  void whitespace_isOptionalBetweenTokens() {
    assertThat(SkillExpression.parse("billing>=3&&(lang==de||lang!=en)").toString())
        .isEqualTo("billing >= 3 and (lang == de or lang != en)");
  }

  @ParameterizedTest(name = "''{0}'' is written ''{1}''")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          billing                              ; billing
          billing >= 1                         ; billing
          true                                 ; any
          ANY                                  ; any
          billing  >=   3   AND lang == de     ; billing >= 3 and lang == de
          a && b || c                          ; a and b or c
          a and (b and c)                      ; a and b and c
          (a or b) or (c or d)                 ; a or b or c or d
          (a or b) and c                       ; (a or b) and c
          a or (b and c)                       ; a or b and c
          ((billing))                          ; billing
          !!billing                            ; not not billing
          not (a and b)                        ; not (a and b)
          not (billing)                        ; not billing
          not lang == de                       ; not (lang == de)
          language in (fr, de, fr)             ; lang in (de, fr)
          lang in (de)                         ; lang == de
          lang != pt-br                        ; lang != pt-br
          """)
  void toString_isTheCanonicalText(String text, String canonical) {
    assertThat(SkillExpression.parse(text).toString()).isEqualTo(canonical);
  }

  @Test
  void equality_followsCanonicalText() {
    SkillExpression symbolic = SkillExpression.parse("billing>=3&&lang==de");
    SkillExpression spelled = SkillExpression.parse("billing >= 3 AND language == de");

    assertThat(symbolic).isEqualTo(spelled).hasSameHashCodeAs(spelled);
    assertThat(symbolic).isNotEqualTo(SkillExpression.parse("lang == de and billing >= 3"));
    assertThat(SkillExpression.parse("any")).isEqualTo(SkillExpression.ANY);
  }

  @Test
  void score_sumsProficiencyOverNamedSkills_eachCountedOnce() {
    SkillExpression expression = SkillExpression.parse("billing >= 2 and (billing or sales)");
    AgentSkills agent = AgentSkills.of(Map.of("billing", 4, "sales", 3, "tech", 5));

    assertThat(expression.score(agent)).isEqualTo(7);
  }

  @Test
  void score_missingSkillsCountZero_andAnyScoresZero() {
    assertThat(SkillExpression.parse("billing or sales").score(GERMAN_BILLING_NOVICE)).isEqualTo(2);
    assertThat(SkillExpression.ANY.score(GERMAN_BILLING_EXPERT)).isZero();
  }

  @Test
  void score_prefersTheBetterSkilledOfTwoMatchingAgents() {
    SkillExpression expression = SkillExpression.parse("billing >= 2");

    assertThat(expression.score(GERMAN_BILLING_EXPERT))
        .isGreaterThan(expression.score(GERMAN_BILLING_NOVICE));
  }

  @Test
  void skillNamesAndLanguages_listEverythingNamed_includingUnderNot() {
    SkillExpression expression =
        SkillExpression.parse("(billing or not sales >= 2) and lang in (de, en) and lang != fr");

    assertThat(expression.skillNames()).containsExactly("billing", "sales");
    assertThat(expression.languages()).containsExactlyInAnyOrder("de", "en", "fr");
    assertThat(SkillExpression.ANY.skillNames()).isEmpty();
    assertThat(SkillExpression.ANY.languages()).isEmpty();
  }
}
