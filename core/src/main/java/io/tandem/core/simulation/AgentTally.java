package io.tandem.core.simulation;

import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueConfig;
import org.jspecify.annotations.Nullable;

/**
 * One agent's state as seen in the event stream, and the time spent in each bucket of {@link
 * AgentKpis}; times in nanoseconds since the epoch.
 */
final class AgentTally {

  private static final int IDLE = 0;
  private static final int RINGING = 1;
  private static final int AWAY = 2;
  private static final int TALK = 3;
  private static final int WRAP_UP = 4;
  private static final int NOT_READY = 5;
  private static final int OFFLINE = 6;

  final String agent;
  private AgentState state = AgentState.OFFLINE;
  private boolean available = true;
  private long since;
  private final long[] time = new long[6];
  long handled;

  /** The interaction the agent is connected to or wraps up; {@code null} otherwise. */
  @Nullable InteractionId interaction;

  AgentTally(String agent, long at) {
    this.agent = agent;
    this.since = at;
  }

  AgentState state() {
    return state;
  }

  void moveTo(AgentState next, long at) {
    close(at);
    state = next;
    if (next != AgentState.BUSY && next != AgentState.WRAP_UP) {
      interaction = null;
    }
  }

  /** Forgets the time spent and interactions handled before {@code at}; the state stays. */
  void resetCounts(long at) {
    close(at);
    java.util.Arrays.fill(time, 0);
    handled = 0;
  }

  void presence(Availability availability, long at) {
    close(at);
    available = QueueConfig.DEFAULT_AVAILABILITIES.contains(availability);
  }

  private void close(long at) {
    int bucket = bucket();
    if (bucket != OFFLINE && at > since) {
      time[bucket] += at - since;
    }
    since = Math.max(since, at);
  }

  private int bucket() {
    return switch (state) {
      case OFFLINE -> OFFLINE;
      case READY -> available ? IDLE : AWAY;
      case RESERVED -> RINGING;
      case BUSY -> TALK;
      case WRAP_UP -> WRAP_UP;
      case NOT_READY -> NOT_READY;
    };
  }

  /** The row as of {@code at}, counting the current state up to then, without changing anything. */
  AgentKpis kpis(long at) {
    long[] upTo = time.clone();
    int bucket = bucket();
    if (bucket != OFFLINE && at > since) {
      upTo[bucket] += at - since;
    }
    return AgentKpis.of(
        agent,
        1,
        handled,
        upTo[IDLE],
        upTo[RINGING],
        upTo[AWAY],
        upTo[TALK],
        upTo[WRAP_UP],
        upTo[NOT_READY]);
  }
}
