package io.tandem.core.skill;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one agent can do: a proficiency from 1 (novice) to 5 (expert) per skill, and the languages
 * the agent speaks.
 *
 * <p>Skill names are lower-case: a letter, then up to 63 letters, digits, {@code _} or {@code -}.
 * Languages are lower-case tags such as {@code de}, {@code en} or {@code pt-br}. Upper case is
 * rejected, not folded, so that the same skill never appears under two spellings.
 *
 * @param proficiencies skill name to proficiency 1..5; an absent skill has proficiency 0
 * @param languages language tags the agent speaks
 */
public record AgentSkills(Map<String, Integer> proficiencies, Set<String> languages) {

  /** The lowest proficiency an agent can hold in a skill it has. */
  public static final int MIN_PROFICIENCY = 1;

  /** The highest proficiency. */
  public static final int MAX_PROFICIENCY = 5;

  /** The longest skill name, in characters. */
  static final int MAX_SKILL_NAME_LENGTH = 64;

  private static final Pattern SKILL_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

  /** An agent with no skills and no languages. */
  public static final AgentSkills NONE = new AgentSkills(Map.of(), Set.of());

  /** Validates every skill, proficiency and language, and keeps immutable copies. */
  public AgentSkills {
    Objects.requireNonNull(proficiencies, "proficiencies");
    Objects.requireNonNull(languages, "languages");
    for (Map.Entry<String, Integer> entry : proficiencies.entrySet()) {
      requireSkillName(entry.getKey());
      requireProficiency(entry.getKey(), entry.getValue());
    }
    for (String language : languages) {
      requireLanguage(language);
    }
    proficiencies = Map.copyOf(proficiencies);
    languages = Set.copyOf(languages);
  }

  /** The agent with these proficiencies who speaks these languages. */
  public static AgentSkills of(Map<String, Integer> proficiencies, String... languages) {
    Objects.requireNonNull(languages, "languages");
    Set<String> distinct = new LinkedHashSet<>();
    for (String language : languages) {
      distinct.add(requireLanguage(language));
    }
    return new AgentSkills(proficiencies, distinct);
  }

  /** The agent's proficiency in {@code skill}, 1..5, or 0 when the agent lacks the skill. */
  public int proficiency(String skill) {
    Integer proficiency = proficiencies.get(skill);
    return proficiency == null ? 0 : proficiency;
  }

  /** Whether the agent speaks {@code language}, compared exactly (tags are lower-case). */
  public boolean speaks(String language) {
    return languages.contains(language);
  }

  /** Whether {@code name} is a well-formed skill name. */
  static boolean isSkillName(String name) {
    return SKILL_NAME.matcher(name).matches();
  }

  /** Whether {@code tag} is a well-formed language tag. */
  static boolean isLanguage(String tag) {
    return LANGUAGE.matcher(tag).matches();
  }

  private static String requireSkillName(String skill) {
    if (skill == null) {
      throw new IllegalArgumentException("skill name must not be null");
    }
    if (!isSkillName(skill)) {
      throw new IllegalArgumentException(
          "skill name '"
              + skill
              + "' is invalid: expected a lower-case letter then up to 63 lower-case letters,"
              + " digits, '_' or '-'"
              + (skill.equals(skill.toLowerCase(Locale.ROOT))
                  ? ""
                  : " (skill names are lower-case)"));
    }
    return skill;
  }

  private static void requireProficiency(String skill, Integer proficiency) {
    if (proficiency == null || proficiency < MIN_PROFICIENCY || proficiency > MAX_PROFICIENCY) {
      throw new IllegalArgumentException(
          "proficiency of skill '"
              + skill
              + "' must be "
              + MIN_PROFICIENCY
              + "-"
              + MAX_PROFICIENCY
              + ", got "
              + proficiency);
    }
  }

  private static String requireLanguage(String language) {
    if (language == null) {
      throw new IllegalArgumentException("language must not be null");
    }
    if (!isLanguage(language)) {
      throw new IllegalArgumentException(
          "language '"
              + language
              + "' is invalid: expected a lower-case tag such as 'de', 'en' or 'pt-br'");
    }
    return language;
  }
}
