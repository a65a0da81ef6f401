package io.tandem.core.queue;

import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.Objects;

/**
 * One stage of a queue's skill requirement: from {@code after} waiting in the queue on, agents
 * matching {@code skills} (or any earlier stage) may take the interaction. Stages widen the set of
 * eligible agents over time, e.g. {@code billing >= 4} at once, {@code billing >= 2} after 30 s,
 * {@code any} after 90 s.
 */
public record EscalationStage(Duration after, SkillExpression skills) {
  public EscalationStage {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(skills, "skills");
    if (after.isNegative()) {
      throw new IllegalArgumentException("escalation stage 'after' must not be negative: " + after);
    }
  }

  /** A stage that applies from the start. */
  public static EscalationStage immediately(SkillExpression skills) {
    return new EscalationStage(Duration.ZERO, skills);
  }
}
