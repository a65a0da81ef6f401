package io.tandem.core.simulation;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contact-center KPIs computed from a tenant's event stream alone: per queue and overall offered,
 * answered, abandoned, service level, ASA, AHT, longest wait, and per agent how logged-in time was
 * spent (see {@link QueueKpis} and {@link AgentKpis} for the definitions).
 *
 * <p>Feed it live ({@link io.tandem.core.tenant.Tenant#addListener}) or replay a stored log into
 * it; ask for a {@link #report} at any instant. It keeps counters and the interactions still in
 * progress only, so memory does not grow with the number of interactions. Not thread-safe: call it
 * on the tenant's single writer, or from one replaying thread.
 */
public final class KpiProjection implements TenantEventListener {

  /** An interaction in progress: where it waits or who handles it, with the instants that count. */
  private static final class Track {
    QueueTally queue;
    long firstQueuedAt;
    long queuedAt;
    boolean waiting = true;
    boolean callback;
    boolean leftQueues;
    boolean answered;
    QueueTally handledIn;
    long connectedAt;
    long disconnectedAt = -1;

    Track(QueueTally queue, long at) {
      this.queue = queue;
      this.firstQueuedAt = at;
      this.queuedAt = at;
      this.handledIn = queue;
    }
  }

  private final Map<QueueId, QueueTally> queues = new LinkedHashMap<>();
  private final QueueTally overall = new QueueTally("all", "All queues");
  private final Map<AgentId, AgentTally> agents = new LinkedHashMap<>();
  private final Map<InteractionId, Track> tracks = new HashMap<>();

  @Override
  public void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent e -> interaction(e, nanos(e.at()));
      case AgentEvent e -> agent(e, nanos(e.at()));
      case QueueEvent.Configured e -> {
        QueueTally tally = queue(e.queue());
        tally.name = e.config().name();
        tally.thresholdNanos = e.config().serviceLevel().threshold().toNanos();
        tally.targetPercent = e.config().serviceLevel().percent();
      }
      default -> {
        // Queue removal and other events change no KPI.
      }
    }
  }

  private void agent(AgentEvent event, long at) {
    switch (event) {
      case AgentEvent.Configured e ->
          agents.computeIfAbsent(e.agent(), id -> new AgentTally(id.value(), at));
      case AgentEvent.LoggedIn e -> move(e.agent(), AgentState.NOT_READY, at);
      case AgentEvent.BecameReady e -> move(e.agent(), AgentState.READY, at);
      case AgentEvent.BecameNotReady e -> move(e.agent(), AgentState.NOT_READY, at);
      case AgentEvent.LoggedOut e -> move(e.agent(), AgentState.OFFLINE, at);
      case AgentEvent.PresenceChanged e -> agent(e.agent()).presence(e.availability(), at);
      case AgentEvent.Removed e -> move(e.agent(), AgentState.OFFLINE, at);
    }
  }

  private void interaction(InteractionEvent event, long at) {
    switch (event) {
      case InteractionEvent.Queued e -> queued(e.interaction(), queue(e.queue()), at);
      case InteractionEvent.TransferredToQueue e -> {
        move(e.fromAgent(), e.wrapUpUntil() == null ? AgentState.READY : AgentState.WRAP_UP, at);
        Track track = tracks.get(e.interaction());
        if (track != null && !track.waiting) {
          track.handledIn.handled(at - track.connectedAt, 0);
        }
        queued(e.interaction(), queue(e.queue()), at);
      }
      case InteractionEvent.Offered e -> move(e.agent(), AgentState.RESERVED, at);
      case InteractionEvent.OfferTimedOut e -> move(e.agent(), AgentState.NOT_READY, at);
      case InteractionEvent.OfferDeclined e -> move(e.agent(), AgentState.NOT_READY, at);
      case InteractionEvent.OfferWithdrawn e -> move(e.agent(), AgentState.READY, at);
      case InteractionEvent.Connected e -> connected(e, at);
      case InteractionEvent.Disconnected e -> {
        AgentTally agent = agent(e.agent());
        agent.moveTo(e.wrapUpUntil() == null ? AgentState.READY : AgentState.WRAP_UP, at);
        if (e.wrapUpUntil() != null) {
          agent.interaction = e.interaction();
        }
        Track track = tracks.get(e.interaction());
        if (track != null) {
          track.disconnectedAt = at;
          if (e.wrapUpUntil() == null) {
            finishHandle(e.interaction(), track, at);
          }
        }
      }
      case InteractionEvent.WrapUpCompleted e -> {
        AgentTally agent = agent(e.agent());
        InteractionId handled = agent.interaction != null ? agent.interaction : e.interaction();
        agent.moveTo(AgentState.READY, at);
        Track track = tracks.get(handled);
        if (track != null && track.disconnectedAt >= 0) {
          finishHandle(handled, track, at);
        }
      }
      case InteractionEvent.Abandoned e -> {
        Track track = tracks.remove(e.interaction());
        if (track != null && track.waiting) {
          long threshold = track.queue.thresholdNanos;
          track.queue.abandoned(at - track.queuedAt, threshold);
          overall.abandoned(at - track.firstQueuedAt, threshold);
        }
      }
      case InteractionEvent.Overflowed e -> {
        Track track = tracks.get(e.interaction());
        if (track != null) {
          track.queue.overflowed++;
          track.queue.waited(at - track.queuedAt);
          if (!(e.action() instanceof QueueAction.ToQueue) && !track.leftQueues) {
            track.leftQueues = true;
            overall.overflowed++;
            overall.waited(at - track.firstQueuedAt);
          }
        }
      }
      case InteractionEvent.CallbackRequested e -> {
        Track track = tracks.get(e.interaction());
        if (track != null) {
          track.callback = true;
        }
      }
      case InteractionEvent.Failed e -> {
        Track track = tracks.remove(e.interaction());
        if (track != null) {
          track.queue.failed++;
          overall.failed++;
        }
        for (AgentTally agent : agents.values()) {
          if (e.interaction().equals(agent.interaction)) {
            agent.moveTo(AgentState.READY, at);
          }
        }
      }
      case InteractionEvent.Ended e -> tracks.remove(e.interaction());
      default -> {
        // Arrival, flow, escalation, hold and consult events change no KPI.
      }
    }
  }

  private void queued(InteractionId id, QueueTally queue, long at) {
    Track track = tracks.get(id);
    if (track == null) {
      track = new Track(queue, at);
      tracks.put(id, track);
      overall.offered++;
    }
    track.queue = queue;
    track.queuedAt = at;
    track.waiting = true;
    queue.offered++;
  }

  private void connected(InteractionEvent.Connected e, long at) {
    AgentTally agent = agent(e.agent());
    agent.moveTo(AgentState.BUSY, at);
    agent.interaction = e.interaction();
    agent.handled++;
    Track track = tracks.get(e.interaction());
    if (track == null) {
      return;
    }
    QueueTally queue = track.queue;
    if (track.callback) {
      queue.callbacks++;
      if (!track.answered) {
        overall.callbacks++;
      }
    } else {
      queue.answered(at - track.queuedAt, queue.thresholdNanos);
      if (!track.answered) {
        overall.answered(at - track.firstQueuedAt, queue.thresholdNanos);
      }
    }
    track.answered = true;
    track.waiting = false;
    track.handledIn = queue;
    track.connectedAt = at;
    track.disconnectedAt = -1;
  }

  private void finishHandle(InteractionId id, Track track, long at) {
    long talk = track.disconnectedAt - track.connectedAt;
    long wrapUp = at - track.disconnectedAt;
    track.handledIn.handled(talk, wrapUp);
    overall.handled(talk, wrapUp);
    tracks.remove(id);
  }

  /**
   * Starts a reporting window at {@code at}: every count and time so far is forgotten, while the
   * interactions in progress and the agents' states are kept, so that a report covers only what
   * happened from {@code at} on. An interaction counts as offered in the window in which it entered
   * the queue, and as answered, abandoned or handled in the window in which that happened (its wait
   * and talk time measured in full, also before {@code at}); agents' time counts from {@code at}.
   * Call it between the last event before {@code at} and the first one after.
   */
  public void startWindow(Instant at) {
    long nanos = nanos(at);
    queues.values().forEach(QueueTally::resetCounts);
    overall.resetCounts();
    agents.values().forEach(agent -> agent.resetCounts(nanos));
  }

  /** The KPIs of everything seen so far, with open intervals counted up to {@code until}. */
  public KpiReport report(Instant until) {
    long at = nanos(until);
    Map<QueueTally, long[]> waitingNow = new HashMap<>();
    long[] overallWaiting = new long[2];
    for (Track track : tracks.values()) {
      if (track.waiting) {
        long[] counts = waitingNow.computeIfAbsent(track.queue, q -> new long[2]);
        counts[0]++;
        counts[1] = Math.max(counts[1], at - track.queuedAt);
        overallWaiting[0]++;
        overallWaiting[1] = Math.max(overallWaiting[1], at - track.firstQueuedAt);
      }
    }
    List<QueueKpis> queueRows = new ArrayList<>();
    for (QueueTally queue : queues.values()) {
      long[] counts = waitingNow.getOrDefault(queue, new long[2]);
      queueRows.add(queue.kpis(false, counts[0], counts[1]));
    }
    List<AgentKpis> agentRows = new ArrayList<>();
    agents.values().forEach(agent -> agentRows.add(agent.kpis(at)));
    return new KpiReport(
        queueRows,
        overall.kpis(true, overallWaiting[0], overallWaiting[1]),
        agentRows,
        AgentKpis.sum("all", agentRows));
  }

  private QueueTally queue(QueueId id) {
    return queues.computeIfAbsent(id, key -> new QueueTally(key.value(), key.value()));
  }

  private AgentTally agent(AgentId id) {
    return agents.computeIfAbsent(id, key -> new AgentTally(key.value(), Long.MIN_VALUE));
  }

  private void move(AgentId id, AgentState state, long at) {
    agent(id).moveTo(state, at);
  }

  private static long nanos(Instant at) {
    return SimulationClock.epochNanos(at);
  }
}
