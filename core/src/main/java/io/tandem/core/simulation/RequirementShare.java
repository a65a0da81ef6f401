package io.tandem.core.simulation;

import io.tandem.core.skill.SkillExpression;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The share of a queue's callers that need extra skills and/or a language on top of the queue's own
 * skill stages (for example German speakers in a queue served in German and English); the callers
 * no share covers need nothing extra.
 *
 * @param skills extra skill requirement; {@link SkillExpression#ANY} for none
 * @param language language the caller needs; {@code null} for any
 * @param share fraction of the queue's callers, 0-1
 */
public record RequirementShare(SkillExpression skills, @Nullable String language, double share) {
  public RequirementShare {
    Objects.requireNonNull(skills, "skills");
  }
}
