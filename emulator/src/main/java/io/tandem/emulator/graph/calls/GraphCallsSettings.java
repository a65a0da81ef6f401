package io.tandem.emulator.graph.calls;

import java.time.Duration;

/**
 * How the emulated Graph calling service behaves, changeable while it runs ({@code PUT
 * /emulator/graph/settings}). Each key is documented once, with its default, in {@code
 * emulator/README.md}.
 *
 * @param answerDeadline how long a bot has to answer, reject or redirect an incoming call (15 s)
 * @param keepAliveExpiry how long a call lives without keepAlive (45 min)
 * @param promptDuration how long a prompt that is not a WAV file plays (3 s)
 * @param ringTimeout how long a Teams user rings on a transfer, redirect, invite or outgoing call
 *     before it counts as not answered (30 s)
 * @param pstnAnswerAfter how long an external PSTN number rings before it answers (2 s)
 * @param maxRecordDuration the longest a recordResponse records when the request sets no {@code
 *     maxRecordDurationInSeconds} (5 s, Graph's documented default)
 * @param establishedBeforeEstablishing deliver {@code established} before {@code establishing} on
 *     answer and create, the documented out-of-order quirk (false)
 * @param notificationAttempts how often a notification is tried when the bot answers 5xx or cannot
 *     be reached (4: the first try and three retries)
 * @param retryBackoff wait before the first retry; doubled for each further retry (1 s)
 * @param throttleLimit requests per app per tenant per {@code throttleWindow} before 429, or 0 for
 *     no throttling (0)
 * @param throttleWindow the window {@code throttleLimit} counts in (1 s)
 */
public record GraphCallsSettings(
    Duration answerDeadline,
    Duration keepAliveExpiry,
    Duration promptDuration,
    Duration ringTimeout,
    Duration pstnAnswerAfter,
    Duration maxRecordDuration,
    boolean establishedBeforeEstablishing,
    int notificationAttempts,
    Duration retryBackoff,
    int throttleLimit,
    Duration throttleWindow) {

  public GraphCallsSettings {
    requirePositive(answerDeadline, "answerDeadline");
    requirePositive(keepAliveExpiry, "keepAliveExpiry");
    requireNotNegative(promptDuration, "promptDuration");
    requirePositive(ringTimeout, "ringTimeout");
    requireNotNegative(pstnAnswerAfter, "pstnAnswerAfter");
    requirePositive(maxRecordDuration, "maxRecordDuration");
    requireNotNegative(retryBackoff, "retryBackoff");
    requirePositive(throttleWindow, "throttleWindow");
    if (notificationAttempts < 1) {
      throw new IllegalArgumentException("notificationAttempts must be at least 1");
    }
    if (throttleLimit < 0) {
      throw new IllegalArgumentException("throttleLimit must not be negative");
    }
  }

  /** Microsoft's documented timings; ordered notifications; no throttling. */
  public static GraphCallsSettings defaults() {
    return new GraphCallsSettings(
        Duration.ofSeconds(15),
        Duration.ofMinutes(45),
        Duration.ofSeconds(3),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        false,
        4,
        Duration.ofSeconds(1),
        0,
        Duration.ofSeconds(1));
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}
