package io.tandem.core.skill;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed condition on an agent's skills and languages, such as {@code billing >= 3 and lang ==
 * de}, that a queue uses to decide which agents may take its work.
 *
 * <p>Grammar (keywords case-insensitive, skill names and language tags lower-case), loosest first:
 *
 * <pre>
 * expr  := term ('or' term)*                 also written ||
 * term  := unary ('and' unary)*              also written &amp;&amp;
 * unary := 'not' unary | '(' expr ')' | atom  not also written !
 * atom  := 'any' | 'true'                    every agent
 *        | skill                             proficiency &gt;= 1, i.e. the agent has the skill
 *        | skill (&gt;= | &gt; | &lt;= | &lt; | == | !=) 1..5
 *        | lang == tag | lang != tag | lang in (tag, ...)      'language' also accepted for 'lang'
 * </pre>
 *
 * <p>An agent without a skill has proficiency 0 in it, so {@code billing < 3}, {@code billing <= 2}
 * and {@code billing != 4} are true for an agent who lacks {@code billing}; write {@code billing
 * and billing < 3} to require the skill. The keywords {@code and or not any true lang language in}
 * are reserved and cannot be used as skill names.
 *
 * <p>Two expressions are equal when their canonical text ({@link #toString()}) is equal. Canonical
 * text has lower-case keywords, single spaces, {@code and}/{@code or}/{@code not} rather than
 * symbols, only the parentheses precedence needs (plus around a comparison under {@code not}),
 * {@code true} as {@code any}, {@code skill >= 1} as the bare {@code skill}, {@code language} as
 * {@code lang}, and language lists sorted without duplicates.
 */
public final class SkillExpression {

  /** Matches every agent; canonical text {@code any}. */
  public static final SkillExpression ANY = new SkillExpression(Condition.Any.INSTANCE);

  private final Condition condition;
  private final String canonicalText;
  private final Set<String> skillNames;
  private final Set<String> languages;
  private final String[] scoredSkills;

  private SkillExpression(Condition condition) {
    this.condition = condition;
    StringBuilder text = new StringBuilder();
    condition.render(text);
    this.canonicalText = text.toString();
    Set<String> skills = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    condition.collect(skills, tags);
    this.skillNames = Collections.unmodifiableSet(skills);
    this.languages = Collections.unmodifiableSet(tags);
    this.scoredSkills = skills.toArray(String[]::new);
  }

  /**
   * The expression {@code text} describes.
   *
   * @throws InvalidSkillExpressionException naming the position where {@code text} went wrong
   */
  public static SkillExpression parse(String text) {
    Objects.requireNonNull(text, "text");
    return new SkillExpression(SkillExpressionParser.parse(text));
  }

  /** Whether {@code agent} satisfies this expression. */
  public boolean matches(AgentSkills agent) {
    return condition.test(agent);
  }

  /**
   * The sum of {@code agent}'s proficiencies (0 for a skill it lacks) over every skill this
   * expression names, each counted once and whether or not it appears under {@code not}; 0 for
   * {@link #ANY}. Skills-based routing with proficiency scoring prefers the matching agent with the
   * highest score.
   */
  public int score(AgentSkills agent) {
    int score = 0;
    for (String skill : scoredSkills) {
      score += agent.proficiency(skill);
    }
    return score;
  }

  /** Every skill this expression names, in order of first appearance. */
  public Set<String> skillNames() {
    return skillNames;
  }

  /** Every language this expression names. */
  public Set<String> languages() {
    return languages;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SkillExpression expression
        && canonicalText.equals(expression.canonicalText);
  }

  @Override
  public int hashCode() {
    return canonicalText.hashCode();
  }

  /** The canonical text, which {@link #parse} turns back into an equal expression. */
  @Override
  public String toString() {
    return canonicalText;
  }
}
