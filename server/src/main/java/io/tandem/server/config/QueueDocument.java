package io.tandem.server.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A queue as configuration documents write it; the keys and defaults are those of {@code
 * QueueConfig} in docs/configuration.md. An absent key takes its default; durations are text
 * ({@code 30s}, {@code 5m}, {@code PT30S}).
 */
public record QueueDocument(
    @Nullable String id,
    @Nullable String name,
    @Nullable Integer priority,
    @Nullable List<Stage> stages,
    @Nullable List<String> members,
    @Nullable String strategy,
    @Nullable Integer simultaneousOffers,
    @Nullable List<String> allowedAvailabilities,
    @Nullable ServiceLevel serviceLevel,
    @Nullable String maxWait,
    @Nullable Integer maxLength,
    @Nullable Action overflowAction,
    @Nullable Action noAgentAction,
    @Nullable String businessHours,
    @Nullable Action closedAction,
    @Nullable String wrapUp,
    @Nullable String ringTimeout,
    @Nullable String preferredAgentTimeout,
    @Nullable Announcements announcements) {

  /** One skill stage: from {@code after} on, agents matching {@code skills} may answer. */
  public record Stage(@Nullable String after, @Nullable String skills) {}

  /** {@code percent} of interactions answered within {@code threshold}. */
  public record ServiceLevel(@Nullable Integer percent, @Nullable String threshold) {}

  /**
   * What happens to an interaction that leaves the queue: {@code kind} is one of {@code ToQueue}
   * (with {@code queue}), {@code ToVoicemail} ({@code mailbox}), {@code OfferCallback}, {@code
   * ToNumber} ({@code number}) or {@code Disconnect} ({@code message}).
   */
  public record Action(
      @Nullable String kind,
      @Nullable String queue,
      @Nullable String mailbox,
      @Nullable String number,
      @Nullable String message) {}

  /** What waiting callers hear. */
  public record Announcements(
      @Nullable String musicOnHold,
      @Nullable String interval,
      @Nullable Boolean announcePosition,
      @Nullable Boolean announceExpectedWait) {}
}
