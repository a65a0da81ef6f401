package io.tandem.server.statistics;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.server.eventlog.LoggedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One interaction in the history, folded from its events.
 *
 * @param id the interaction's id
 * @param channel VOICE or CALLBACK
 * @param from the caller
 * @param to the number or address called
 * @param arrivedAt when it arrived
 * @param endedAt when it ended or failed; {@code null} while live
 * @param queue the last queue it entered; {@code null} if none
 * @param agent the last agent it was connected to; {@code null} if none
 * @param outcome {@code answered}, {@code abandoned}, {@code overflowed}, {@code failed}, {@code
 *     ended} (ended without reaching an agent, e.g. in the virtual assistant) or {@code live}
 * @param endReason the reason it ended or failed, if it did
 * @param waitSeconds time from first entering a queue to the first connection (or to leaving
 *     without one); 0 if it never queued
 * @param talkSeconds total time connected to agents
 */
public record InteractionSummary(
    String id,
    String channel,
    String from,
    String to,
    Instant arrivedAt,
    @Nullable Instant endedAt,
    @Nullable String queue,
    @Nullable String agent,
    String outcome,
    @Nullable String endReason,
    double waitSeconds,
    double talkSeconds) {

  /**
   * Folds an interaction's events (in log order, starting with its arrival).
   *
   * @throws IllegalArgumentException if the first event is not its arrival
   */
  public static InteractionSummary of(List<LoggedEvent> events) {
    if (events.isEmpty() || !(events.get(0).event() instanceof InteractionEvent.Arrived arrived)) {
      throw new IllegalArgumentException("an interaction's events start with its arrival");
    }
    Fold fold = new Fold();
    for (LoggedEvent logged : events) {
      fold.on((InteractionEvent) logged.event());
    }
    Instant waitEnd = fold.firstConnected != null ? fold.firstConnected : fold.leftQueue;
    double wait =
        fold.firstQueued == null || waitEnd == null
            ? 0
            : TodayProjection.seconds(Duration.between(fold.firstQueued, waitEnd));
    return new InteractionSummary(
        arrived.interaction().value(),
        arrived.channel().name(),
        arrived.from(),
        arrived.to(),
        arrived.at(),
        fold.endedAt,
        fold.queue,
        fold.agent,
        fold.outcome(),
        fold.endReason,
        wait,
        TodayProjection.seconds(fold.talk));
  }

  /** The running fold. */
  private static final class Fold {
    @Nullable Instant firstQueued;
    @Nullable Instant firstConnected;
    @Nullable Instant leftQueue;
    @Nullable Instant connectedAt;
    Duration talk = Duration.ZERO;
    @Nullable String queue;
    @Nullable String agent;
    @Nullable Instant endedAt;
    @Nullable String endReason;
    boolean abandoned;
    boolean overflowed;
    boolean failed;

    void on(InteractionEvent event) {
      switch (event) {
        case InteractionEvent.Queued e -> {
          queue = e.queue().value();
          if (firstQueued == null) {
            firstQueued = e.at();
          }
        }
        case InteractionEvent.Connected e -> {
          agent = e.agent().value();
          connectedAt = e.at();
          if (firstConnected == null) {
            firstConnected = e.at();
          }
        }
        case InteractionEvent.CallbackAnswered e -> {
          agent = e.agent().value();
          connectedAt = e.at();
          if (firstConnected == null) {
            firstConnected = e.at();
          }
        }
        case InteractionEvent.Disconnected e -> disconnect(e.at());
        case InteractionEvent.Abandoned e -> {
          abandoned = true;
          leftQueue = e.at();
        }
        case InteractionEvent.Overflowed e -> {
          overflowed = true;
          leftQueue = e.at();
        }
        case InteractionEvent.Ended e -> {
          disconnect(e.at());
          endedAt = e.at();
          endReason = e.reason();
        }
        case InteractionEvent.Failed e -> {
          disconnect(e.at());
          failed = true;
          endedAt = e.at();
          endReason = e.reason();
        }
        default -> {
          // Other events change nothing the summary shows.
        }
      }
    }

    private void disconnect(Instant at) {
      if (connectedAt != null) {
        talk = talk.plus(Duration.between(connectedAt, at));
        connectedAt = null;
      }
    }

    String outcome() {
      if (failed) {
        return "failed";
      }
      if (firstConnected != null) {
        return "answered";
      }
      if (abandoned) {
        return "abandoned";
      }
      if (overflowed) {
        return "overflowed";
      }
      return endedAt == null ? "live" : "ended";
    }
  }
}
