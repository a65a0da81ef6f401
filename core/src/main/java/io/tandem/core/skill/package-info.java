/**
 * Agent skills and the skill expressions queues use to say which agents may take their work: {@link
 * io.tandem.core.skill.AgentSkills} is what an agent can do, {@link
 * io.tandem.core.skill.SkillExpression} is a parsed, compiled condition over it such as {@code
 * billing >= 3 and lang == de}.
 *
 * <p>Threading: every public type here is an immutable value, safe to share between threads without
 * synchronisation. Parsing happens once, when configuration changes; {@link
 * io.tandem.core.skill.SkillExpression#matches} and {@link
 * io.tandem.core.skill.SkillExpression#score} allocate nothing and take no locks.
 */
@NullMarked
package io.tandem.core.skill;

import org.jspecify.annotations.NullMarked;
