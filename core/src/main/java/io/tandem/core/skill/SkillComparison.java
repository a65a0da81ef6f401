package io.tandem.core.skill;

import java.util.Set;

/**
 * An agent's proficiency in {@code skill} (0 without it) compared with {@code bound}; {@code
 * billing >= 1} is written as the bare name {@code billing}.
 */
final class SkillComparison implements Condition {
  private final String skill;
  private final ComparisonOperator operator;
  private final int bound;
  private final boolean[] acceptsProficiency;

  SkillComparison(String skill, ComparisonOperator operator, int bound) {
    this.skill = skill;
    this.operator = operator;
    this.bound = bound;
    this.acceptsProficiency = new boolean[AgentSkills.MAX_PROFICIENCY + 1];
    for (int proficiency = 0; proficiency <= AgentSkills.MAX_PROFICIENCY; proficiency++) {
      acceptsProficiency[proficiency] = operator.holds(proficiency, bound);
    }
  }

  @Override
  public boolean test(AgentSkills agent) {
    return acceptsProficiency[agent.proficiency(skill)];
  }

  @Override
  public void render(StringBuilder out) {
    out.append(skill);
    if (!isBareSkill()) {
      out.append(' ').append(operator.symbol()).append(' ').append(bound);
    }
  }

  boolean isBareSkill() {
    return operator == ComparisonOperator.AT_LEAST && bound == 1;
  }

  @Override
  public int binding() {
    return BINDS_AS_ATOM;
  }

  @Override
  public void collect(Set<String> skills, Set<String> languages) {
    skills.add(skill);
  }
}
