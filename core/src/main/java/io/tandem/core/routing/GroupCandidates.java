package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.strategy.Candidates;
import io.tandem.core.skill.SkillExpression;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** The candidates for an interaction at one stage of one routing group. Reused, not thread-safe. */
final class GroupCandidates implements Candidates {

  private final RoutingIndex index;
  private final TenantState state;
  private RoutingGroup group;
  private AgentSet eligible;

  GroupCandidates(TenantState state) {
    this.state = state;
    this.index = state.index();
  }

  GroupCandidates at(RoutingGroup newGroup, int stage) {
    group = newGroup;
    eligible = newGroup.eligibleAt(Math.min(stage, newGroup.stages() - 1));
    return this;
  }

  @Override
  public QueueConfig queue() {
    return group.queue();
  }

  @Override
  public SkillExpression idealSkills() {
    return group.queue().stages().get(0).skills();
  }

  @Override
  public boolean includes(Agent agent) {
    return agent.state() == AgentState.READY
        && eligible.contains(agent.slot())
        && group.queue().allowedAvailabilities().contains(agent.presence());
  }

  @Override
  public Iterable<Agent> longestIdleFirst() {
    return () -> new Filtered(index.idleOrder().iterator());
  }

  @Override
  public Iterable<Agent> inSlotOrderAfter(int slot) {
    return () -> new SlotWalk(slot);
  }

  @Override
  public int lastOfferedSlot() {
    RoutingIndex.QueueLine line = index.line(group.queue().id());
    return line == null ? -1 : line.lastOfferedSlot;
  }

  @Override
  public @Nullable Agent member(AgentId id) {
    Agent agent = state.agent(id);
    return agent != null && includes(agent) ? agent : null;
  }

  /** Iterates candidates found one at a time by {@link #find}; {@code null} means no more. */
  private abstract static class Cursor implements Iterator<Agent> {
    private @Nullable Agent next;
    private boolean started;

    abstract @Nullable Agent find();

    @Override
    public boolean hasNext() {
      if (!started) {
        started = true;
        next = find();
      }
      return next != null;
    }

    @Override
    public Agent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Agent current = next;
      next = find();
      return current;
    }
  }

  /** Iterates the idle order, skipping non-candidates. */
  private final class Filtered extends Cursor {
    private final Iterator<Agent> source;

    Filtered(Iterator<Agent> source) {
      this.source = source;
    }

    @Override
    @Nullable Agent find() {
      while (source.hasNext()) {
        Agent agent = source.next();
        if (includes(agent)) {
          return agent;
        }
      }
      return null;
    }
  }

  /** Walks ready ∧ eligible slots after a start slot, wrapping around once. */
  private final class SlotWalk extends Cursor {
    private final int start;
    private int cursor;
    private boolean wrapped;

    SlotWalk(int after) {
      this.start = Math.max(0, after + 1);
      this.cursor = start;
    }

    @Override
    @Nullable Agent find() {
      while (true) {
        int slot = eligible.nextInBoth(index.ready(), cursor);
        if (wrapped && (slot < 0 || slot >= start)) {
          return null;
        }
        if (slot < 0) {
          wrapped = true;
          cursor = 0;
          if (start == 0) {
            return null;
          }
          continue;
        }
        cursor = slot + 1;
        Agent agent = index.agentAt(slot);
        if (agent != null && includes(agent)) {
          return agent;
        }
      }
    }
  }
}
