package io.tandem.server.statistics;

import org.jspecify.annotations.Nullable;

/**
 * One queue right now, and so far today (since local midnight in the statistics zone).
 *
 * @param queue the queue's id
 * @param name its name
 * @param waiting callers waiting (or ringing an agent) now
 * @param longestWaitSeconds how long the longest-waiting caller has waited now; 0 if none
 * @param offeredToday interactions that entered the queue today
 * @param answeredToday calls connected to an agent today
 * @param abandonedToday callers who hung up while waiting today
 * @param serviceLevelPercentToday answered within the threshold / (answered + abandoned after the
 *     threshold) × 100 today; {@code null} while nothing counts
 * @param serviceLevelTargetPercent the queue's target
 * @param serviceLevelThresholdSeconds the queue's threshold
 * @param averageSpeedOfAnswerSeconds mean wait of today's answered calls
 * @param averageHandleTimeSeconds mean talk plus wrap-up of today's finished handles
 */
public record QueueStatistics(
    String queue,
    String name,
    int waiting,
    long longestWaitSeconds,
    long offeredToday,
    long answeredToday,
    long abandonedToday,
    @Nullable Double serviceLevelPercentToday,
    int serviceLevelTargetPercent,
    long serviceLevelThresholdSeconds,
    double averageSpeedOfAnswerSeconds,
    double averageHandleTimeSeconds) {}
