package io.tandem.server.api;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.routing.Interaction;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.insight.InteractionInsights;
import io.tandem.server.statistics.InteractionSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interactions: the live ones (from the tenant's state), the history (from the event log, with
 * filters and paging), and one interaction with its whole event timeline.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/interactions")
class InteractionController {

  /** A live interaction. */
  record LiveInteraction(
      String id,
      String channel,
      String from,
      String to,
      String state,
      Instant arrivedAt,
      Instant stateSince,
      int priority,
      @Nullable String queue,
      @Nullable Instant queuedAt,
      @Nullable String agent,
      Map<String, String> attributes) {
    static LiveInteraction of(Interaction interaction) {
      return new LiveInteraction(
          interaction.id().value(),
          interaction.channel().name(),
          interaction.from(),
          interaction.to(),
          interaction.state().name(),
          interaction.arrivedAt(),
          interaction.stateSince(),
          interaction.priority(),
          interaction.queue() == null ? null : interaction.queue().value(),
          interaction.queuedAt(),
          interaction.agent() == null ? null : interaction.agent().value(),
          interaction.attributes());
    }
  }

  /** A page of history; pass {@code next} as {@code before} for the next (older) page. */
  record HistoryPage(List<InteractionSummary> interactions, @Nullable Long next) {}

  /**
   * One interaction: its summary, its live state if it is live, every event, and its transcript,
   * recording state and call summary.
   */
  record InteractionDetail(
      InteractionSummary summary,
      @Nullable LiveInteraction live,
      List<EventResource> timeline,
      InteractionInsights insights) {}

  private static final Set<String> OUTCOMES =
      Set.of("answered", "abandoned", "overflowed", "failed", "ended", "live");
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 200;

  /** The most arrivals one history request reads; a page may come back short, with a next. */
  private static final int MAX_SCANNED = 10 * MAX_LIMIT;

  private final EventHistory history;
  private final EventCodec codec;
  private final Clock clock;

  InteractionController(EventHistory history, EventCodec codec, Clock clock) {
    this.history = history;
    this.codec = codec;
    this.clock = clock;
  }

  /** The live interactions, oldest first, optionally only those in one state, queue or agent's. */
  @GetMapping
  List<LiveInteraction> live(
      Actor actor,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String queue,
      @RequestParam(required = false) @Nullable String agent) {
    InteractionState wanted =
        state == null ? null : Params.enumValue("state", state, InteractionState.class);
    return actor.ask(
        tenant ->
            tenant.state().interactions().stream()
                .filter(i -> wanted == null || i.state() == wanted)
                .filter(
                    i -> queue == null || (i.queue() != null && i.queue().value().equals(queue)))
                .filter(
                    i -> agent == null || (i.agent() != null && i.agent().value().equals(agent)))
                .sorted(Comparator.comparingLong(Interaction::arrivalOrder))
                .map(LiveInteraction::of)
                .toList());
  }

  /**
   * Interactions that arrived in {@code [from, to)} (default: the last 24 hours), newest first,
   * optionally only those with one outcome, last queue or agent.
   */
  @GetMapping("/history")
  HistoryPage history(
      Actor actor,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String queue,
      @RequestParam(required = false) @Nullable String agent,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(required = false) @Nullable Integer limit) {
    Instant end = to == null ? clock.instant() : Params.instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofDays(1)) : Params.instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("from", "'from' must be before 'to'");
    }
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw ApiException.invalid("outcome", "'outcome' must be one of " + OUTCOMES);
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.invalid("limit", "'limit' must be 1-" + MAX_LIMIT);
    }
    long cursor = before == null ? Long.MAX_VALUE : before;
    List<InteractionSummary> page = new ArrayList<>();
    Long next = null;
    int scanned = 0;
    while (page.size() < size) {
      if (scanned >= MAX_SCANNED) {
        next = cursor;
        break;
      }
      List<LoggedEvent> arrivals =
          history.arrivals(actor.tenantId(), start, end, cursor, MAX_LIMIT);
      scanned += arrivals.size();
      if (arrivals.isEmpty()) {
        break;
      }
      Map<InteractionId, List<LoggedEvent>> events = eventsOf(actor, arrivals);
      for (LoggedEvent arrival : arrivals) {
        cursor = arrival.seq();
        InteractionSummary summary =
            InteractionSummary.of(events.get(((InteractionEvent) arrival.event()).interaction()));
        if (matches(summary, queue, agent, outcome)) {
          page.add(summary);
          if (page.size() == size) {
            next = cursor;
            break;
          }
        }
      }
    }
    return new HistoryPage(page, next);
  }

  @GetMapping("/{interaction}")
  InteractionDetail one(Actor actor, @PathVariable String interaction) {
    InteractionId id = Ids.parse("interaction", interaction, InteractionId::new);
    List<LoggedEvent> events = history.ofInteraction(actor.tenantId(), id);
    if (events.isEmpty() || !(events.get(0).event() instanceof InteractionEvent.Arrived)) {
      throw ApiException.notFound("no interaction '" + id + "' in tenant " + actor.tenantId());
    }
    LiveInteraction live =
        actor.ask(
            tenant -> {
              Interaction now = tenant.state().interaction(id);
              return now == null ? null : LiveInteraction.of(now);
            });
    return new InteractionDetail(
        InteractionSummary.of(events),
        live,
        events.stream().map(event -> EventResource.of(event, codec)).toList(),
        InteractionInsights.of(events.stream().map(e -> (InteractionEvent) e.event()).toList()));
  }

  private Map<InteractionId, List<LoggedEvent>> eventsOf(Actor actor, List<LoggedEvent> arrivals) {
    List<InteractionId> ids =
        arrivals.stream().map(a -> ((InteractionEvent) a.event()).interaction()).toList();
    Map<InteractionId, List<LoggedEvent>> events = new LinkedHashMap<>();
    for (LoggedEvent event : history.ofInteractions(actor.tenantId(), ids)) {
      events
          .computeIfAbsent(
              ((InteractionEvent) event.event()).interaction(), id -> new ArrayList<>())
          .add(event);
    }
    return events;
  }

  private static boolean matches(
      InteractionSummary summary,
      @Nullable String queue,
      @Nullable String agent,
      @Nullable String outcome) {
    return (queue == null || queue.equals(summary.queue()))
        && (agent == null || agent.equals(summary.agent()))
        && (outcome == null || outcome.equals(summary.outcome()));
  }
}
