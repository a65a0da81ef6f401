package io.tandem.core.simulation;

import java.time.Duration;

/** Running counters behind one {@link QueueKpis} row; times in nanoseconds. */
final class QueueTally {

  final String queue;
  String name;
  long thresholdNanos;
  int targetPercent;
  long offered;
  long answered;
  long answeredWithin;
  long abandoned;
  long abandonedWithin;
  long overflowed;
  long callbacks;
  long failed;
  long handled;
  long waitAnswered;
  long waitAbandoned;
  long talk;
  long wrapUp;
  long longestWait;

  QueueTally(String queue, String name) {
    this.queue = queue;
    this.name = name;
  }

  /** Zeroes every count, keeping the queue's name and service-level target. */
  void resetCounts() {
    offered = 0;
    answered = 0;
    answeredWithin = 0;
    abandoned = 0;
    abandonedWithin = 0;
    overflowed = 0;
    callbacks = 0;
    failed = 0;
    handled = 0;
    waitAnswered = 0;
    waitAbandoned = 0;
    talk = 0;
    wrapUp = 0;
    longestWait = 0;
  }

  void answered(long wait, long threshold) {
    answered++;
    waitAnswered += wait;
    if (wait <= threshold) {
      answeredWithin++;
    }
    waited(wait);
  }

  void abandoned(long wait, long threshold) {
    abandoned++;
    waitAbandoned += wait;
    if (wait <= threshold) {
      abandonedWithin++;
    }
    waited(wait);
  }

  void handled(long talkNanos, long wrapUpNanos) {
    handled++;
    talk += talkNanos;
    wrapUp += wrapUpNanos;
  }

  void waited(long wait) {
    longestWait = Math.max(longestWait, wait);
  }

  /**
   * The row, with {@code waitingAtEnd} interactions still waiting, the longest of them for {@code
   * longestWaitingNow}.
   */
  QueueKpis kpis(boolean overall, long waitingAtEnd, long longestWaitingNow) {
    long counted = answered + abandoned - abandonedWithin;
    return new QueueKpis(
        queue,
        name,
        offered,
        answered,
        answeredWithin,
        abandoned,
        abandonedWithin,
        overflowed,
        callbacks,
        failed,
        waitingAtEnd,
        handled,
        overall ? null : Duration.ofNanos(thresholdNanos),
        overall ? 0 : targetPercent,
        AgentKpis.percent(answeredWithin, counted),
        mean(waitAnswered, answered),
        mean(talk + wrapUp, handled),
        mean(talk, handled),
        mean(wrapUp, handled),
        Duration.ofNanos(Math.max(longestWait, longestWaitingNow)),
        mean(waitAbandoned, abandoned),
        AgentKpis.percent(abandoned, offered));
  }

  private static Duration mean(long total, long count) {
    return count == 0 ? Duration.ZERO : Duration.ofNanos(Math.round((double) total / count));
  }
}
