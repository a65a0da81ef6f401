package io.tandem.core.skill;

import java.util.List;
import java.util.Set;

/**
 * A compiled node of a skill expression: a small tree of final classes evaluated against one agent
 * without regular expressions, allocation or lookups other than the agent's own skill map and
 * language set.
 */
sealed interface Condition
    permits Condition.Any,
        SkillComparison,
        SpeaksAnyOf,
        DoesNotSpeak,
        Condition.Not,
        Condition.And,
        Condition.Or {

  /** How tightly a node binds when rendered: a lower-binding child of a node is parenthesised. */
  int BINDS_AS_OR = 1;

  int BINDS_AS_AND = 2;

  int BINDS_AS_ATOM = 3;

  /** Whether {@code agent} satisfies this node. */
  boolean test(AgentSkills agent);

  /** Appends this node's canonical text. */
  void render(StringBuilder out);

  /** One of {@link #BINDS_AS_OR}, {@link #BINDS_AS_AND}, {@link #BINDS_AS_ATOM}. */
  int binding();

  /** Adds every skill this node names to {@code skills}, every language to {@code languages}. */
  void collect(Set<String> skills, Set<String> languages);

  /** Matches every agent; written {@code any}. */
  enum Any implements Condition {
    INSTANCE;

    @Override
    public boolean test(AgentSkills agent) {
      return true;
    }

    @Override
    public void render(StringBuilder out) {
      out.append("any");
    }

    @Override
    public int binding() {
      return BINDS_AS_ATOM;
    }

    @Override
    public void collect(Set<String> skills, Set<String> languages) {}
  }

  /**
   * The negation of {@code operand}; written {@code not billing}, and with parentheses around
   * anything but a bare skill, {@code any} or another negation: {@code not (billing >= 3)}.
   */
  final class Not implements Condition {
    private final Condition operand;

    Not(Condition operand) {
      this.operand = operand;
    }

    @Override
    public boolean test(AgentSkills agent) {
      return !operand.test(agent);
    }

    @Override
    public void render(StringBuilder out) {
      boolean bare =
          operand instanceof Any
              || operand instanceof Not
              || (operand instanceof SkillComparison comparison && comparison.isBareSkill());
      out.append("not ");
      if (bare) {
        operand.render(out);
      } else {
        out.append('(');
        operand.render(out);
        out.append(')');
      }
    }

    @Override
    public int binding() {
      return BINDS_AS_ATOM;
    }

    @Override
    public void collect(Set<String> skills, Set<String> languages) {
      operand.collect(skills, languages);
    }
  }

  /** All of {@code operands} hold (two or more, none itself an {@code And}). */
  final class And implements Condition {
    private final Condition[] operands;

    And(List<Condition> operands) {
      this.operands = operands.toArray(Condition[]::new);
    }

    @Override
    public boolean test(AgentSkills agent) {
      for (Condition operand : operands) {
        if (!operand.test(agent)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void render(StringBuilder out) {
      renderJoined(out, operands, " and ", BINDS_AS_AND);
    }

    @Override
    public int binding() {
      return BINDS_AS_AND;
    }

    @Override
    public void collect(Set<String> skills, Set<String> languages) {
      for (Condition operand : operands) {
        operand.collect(skills, languages);
      }
    }

    Condition[] operands() {
      return operands.clone();
    }
  }

  /** At least one of {@code operands} holds (two or more, none itself an {@code Or}). */
  final class Or implements Condition {
    private final Condition[] operands;

    Or(List<Condition> operands) {
      this.operands = operands.toArray(Condition[]::new);
    }

    @Override
    public boolean test(AgentSkills agent) {
      for (Condition operand : operands) {
        if (operand.test(agent)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void render(StringBuilder out) {
      renderJoined(out, operands, " or ", BINDS_AS_OR);
    }

    @Override
    public int binding() {
      return BINDS_AS_OR;
    }

    @Override
    public void collect(Set<String> skills, Set<String> languages) {
      for (Condition operand : operands) {
        operand.collect(skills, languages);
      }
    }

    Condition[] operands() {
      return operands.clone();
    }
  }

  private static void renderJoined(
      StringBuilder out, Condition[] operands, String separator, int binding) {
    for (int i = 0; i < operands.length; i++) {
      if (i > 0) {
        out.append(separator);
      }
      boolean parenthesise = operands[i].binding() < binding;
      if (parenthesise) {
        out.append('(');
      }
      operands[i].render(out);
      if (parenthesise) {
        out.append(')');
      }
    }
  }
}
