package io.tandem.core.routing.strategy;

import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.skill.SkillExpression;

/**
 * The agents who may take one interaction right now: ready, eligible for its skill stage, with an
 * availability the queue accepts and capacity for its channel. Iterating never allocates per agent.
 */
public interface Candidates {

  /** The queue the interaction waits in. */
  QueueConfig queue();

  /** The skill requirement of the queue's first stage: what an ideal agent looks like. */
  SkillExpression idealSkills();

  /** Whether {@code agent} is a candidate. */
  boolean includes(Agent agent);

  /** Candidates, the longest idle first. */
  Iterable<Agent> longestIdleFirst();

  /** Candidates in slot order starting after {@code slot}, wrapping around once. */
  Iterable<Agent> inSlotOrderAfter(int slot);

  /** Slot of the agent this queue offered to last, or -1. */
  int lastOfferedSlot();

  /** The queue member with this id if they are a candidate, else {@code null}. */
  @org.jspecify.annotations.Nullable
  Agent member(io.tandem.core.agent.AgentId id);
}
