package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.routing.TenantState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Records a tenant's events and keeps the books on them: which interactions arrived and how each
 * ended, judged from the events alone. It also applies every event to a replica {@link TenantState}
 * as it comes, so the replica is the replay of the log so far.
 *
 * <p>It never throws into the tenant: what is wrong goes to {@link #violations()} — an event
 * stamped with another time than the clock's, an interaction that ends twice, an event about an
 * interaction that never arrived or has ended (insights excepted: they may come late), an event the
 * replica rejects.
 */
final class RecordingListener implements TenantEventListener {

  private final Clock clock;
  private final TenantState replica;
  private final List<TenantEvent> events = new ArrayList<>();
  private final Set<InteractionId> arrived = new LinkedHashSet<>();
  private final Map<InteractionId, String> ended = new LinkedHashMap<>();
  private final Map<AgentId, InteractionId> wrapUpEnds = new HashMap<>();
  private final Map<AgentId, InteractionId> transferWrapUps = new HashMap<>();
  private final List<String> violations = new ArrayList<>();

  RecordingListener(Clock clock, TenantId tenant) {
    this.clock = clock;
    this.replica = new TenantState(tenant);
  }

  @Override
  public void on(TenantEvent event) {
    events.add(event);
    if (!event.at().equals(clock.instant())) {
      violations.add(
          event + " is stamped " + event.at() + " but the clock says " + clock.instant());
    }
    try {
      replica.apply(event);
    } catch (RuntimeException e) {
      violations.add("replay rejects " + event + ": " + e.getMessage());
    }
    if (event instanceof InteractionEvent e) {
      account(e);
    }
  }

  private void account(InteractionEvent event) {
    InteractionId id = event.interaction();
    if (event instanceof InteractionEvent.Arrived) {
      if (!arrived.add(id)) {
        violations.add(id + " arrived twice");
      }
      return;
    }
    if (!arrived.contains(id)) {
      violations.add(event + " is about an interaction that never arrived");
    }
    if (event instanceof InteractionEvent.WrapUpCompleted e
        && id.equals(transferWrapUps.get(e.agent()))) {
      transferWrapUps.remove(e.agent());
      return; // the agent finished the wrap-up of a call they transferred: the call lives on
    }
    if (event instanceof InteractionEvent.TranscriptAdded
        || event instanceof InteractionEvent.RecordingChanged
        || event instanceof InteractionEvent.Summarized) {
      return; // insights change no state and may come after the end (late transcript, summary)
    }
    if (ended.containsKey(id)) {
      violations.add(event + " is about " + id + ", which ended (" + ended.get(id) + ")");
      return;
    }
    switch (event) {
      case InteractionEvent.Ended e -> end(id, "ended:" + e.reason());
      case InteractionEvent.Abandoned e -> end(id, "abandoned");
      case InteractionEvent.Failed e -> {
        wrapUpEnds.values().remove(id);
        end(id, "failed:" + e.reason());
      }
      case InteractionEvent.Disconnected e -> {
        if (e.wrapUpUntil() == null) {
          end(id, "completed");
        } else {
          wrapUpEnds.put(e.agent(), id);
        }
      }
      case InteractionEvent.WrapUpCompleted e -> {
        if (id.equals(wrapUpEnds.get(e.agent()))) {
          wrapUpEnds.remove(e.agent());
          end(id, "completed after wrap-up");
        } else {
          violations.add(event + ": " + e.agent() + " was not wrapping up " + id);
        }
      }
      case InteractionEvent.TransferredToQueue e -> {
        if (e.wrapUpUntil() != null) {
          transferWrapUps.put(e.fromAgent(), id);
        }
      }
      default -> {}
    }
  }

  private void end(InteractionId id, String how) {
    ended.put(id, how);
  }

  /** Every event so far, in order. */
  List<TenantEvent> events() {
    return List.copyOf(events);
  }

  int eventCount() {
    return events.size();
  }

  /** The last {@code n} events, one a line, for failure messages. */
  String lastEvents(int n) {
    StringBuilder text = new StringBuilder();
    events
        .subList(Math.max(0, events.size() - n), events.size())
        .forEach(event -> text.append("\n    ").append(event));
    return text.toString();
  }

  Set<InteractionId> arrived() {
    return Set.copyOf(arrived);
  }

  /** Interactions the events ended, with how. */
  Map<InteractionId, String> ended() {
    return Map.copyOf(ended);
  }

  /** The interaction {@code agent} transferred to a queue and is wrapping up, if any. */
  @Nullable InteractionId transferWrapUpOf(AgentId agent) {
    return transferWrapUps.get(agent);
  }

  /** The state rebuilt from the events so far. */
  TenantState replica() {
    return replica;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }
}
