package io.tandem.core.queue;

/** How a queue picks among several eligible, available agents. One strategy class each. */
public enum RoutingStrategyKind {
  /** The agent idle the longest (ready since the earliest instant). */
  LONGEST_IDLE,
  /** Agents in turn, continuing after the one offered last. */
  ROUND_ROBIN,
  /** The agent who handled the fewest interactions today, then the least talk time. */
  LEAST_OCCUPIED,
  /**
   * The agent with the highest proficiency over the skills the queue asks for, then longest idle.
   */
  SKILLS_PROFICIENCY,
  /** The first available agent in the queue's fixed member order. */
  SERIAL,
  /** Offer to several agents at once; the first to accept wins (Teams "attendant" routing). */
  SIMULTANEOUS
}
