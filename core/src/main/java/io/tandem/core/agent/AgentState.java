package io.tandem.core.agent;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An agent's contact-center state, and the one table of legal moves between states.
 *
 * <pre>
 * OFFLINE   → READY, NOT_READY                       (log in)
 * READY     → RESERVED, NOT_READY, OFFLINE
 * RESERVED  → BUSY (accepted), READY (offer withdrawn), NOT_READY (no answer, declined), OFFLINE
 * BUSY      → WRAP_UP, READY, NOT_READY              (interaction ended)
 * WRAP_UP   → READY, NOT_READY, OFFLINE
 * NOT_READY → READY, NOT_READY (new reason), OFFLINE
 * </pre>
 */
public enum AgentState {
  OFFLINE,
  READY,
  RESERVED,
  BUSY,
  WRAP_UP,
  NOT_READY;

  private static final Map<AgentState, Set<AgentState>> LEGAL = new EnumMap<>(AgentState.class);

  static {
    LEGAL.put(OFFLINE, EnumSet.of(READY, NOT_READY));
    LEGAL.put(READY, EnumSet.of(RESERVED, NOT_READY, OFFLINE));
    LEGAL.put(RESERVED, EnumSet.of(BUSY, READY, NOT_READY, OFFLINE));
    LEGAL.put(BUSY, EnumSet.of(WRAP_UP, READY, NOT_READY));
    LEGAL.put(WRAP_UP, EnumSet.of(READY, NOT_READY, OFFLINE));
    LEGAL.put(NOT_READY, EnumSet.of(READY, NOT_READY, OFFLINE));
  }

  /** Whether the table allows moving from this state to {@code next}. */
  public boolean canMoveTo(AgentState next) {
    return LEGAL.get(this).contains(next);
  }

  /** Whether the agent is logged in (any state but {@link #OFFLINE}). */
  public boolean isLoggedIn() {
    return this != OFFLINE;
  }
}
