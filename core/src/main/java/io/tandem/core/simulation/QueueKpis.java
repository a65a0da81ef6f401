package io.tandem.core.simulation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Contact KPIs of one queue, or of all queues together ({@link KpiReport#overall()}).
 *
 * <p>Per queue, an interaction counts once per entry into the queue (so one that overflows from A
 * to B is offered in both, overflowed in A and answered in B), and its wait is measured from that
 * entry. Overall, each interaction counts once, its wait is measured from its first entry into any
 * queue, and it is judged against the service-level threshold of the queue it was answered in or
 * abandoned from.
 *
 * @param queue the queue's id; {@code all} overall
 * @param name the queue's name; {@code All queues} overall
 * @param offered interactions that entered the queue
 * @param answered calls connected to an agent (not counting callbacks)
 * @param answeredWithinThreshold answered calls that waited at most the threshold
 * @param abandoned callers who hung up before reaching an agent
 * @param abandonedWithinThreshold abandoned callers who waited at most the threshold
 * @param overflowed interactions that left the queue by an overflow or no-agent rule; overall,
 *     those that left for something other than another queue (voicemail, callback, a number,
 *     disconnect)
 * @param callbacks callback requests that were connected to an agent
 * @param failed interactions that failed while in the queue (channel errors)
 * @param waitingAtEnd interactions still waiting (or ringing an agent) when the report was made
 * @param handled finished handles (talk and wrap-up over) behind {@code averageHandleTime}
 * @param serviceLevelThreshold the queue's threshold; {@code null} overall
 * @param serviceLevelTargetPercent the queue's target; 0 overall
 * @param serviceLevelPercent {@code answeredWithinThreshold / (answered + abandoned -
 *     abandonedWithinThreshold) * 100}: callers who gave up within the threshold count neither way;
 *     overflows and callbacks are not counted; {@code NaN} when nothing counts
 * @param averageSpeedOfAnswer mean wait of the answered calls (ASA); zero when none
 * @param averageHandleTime mean talk plus wrap-up time of the finished handles (AHT)
 * @param averageTalkTime mean talk time of the finished handles
 * @param averageWrapUpTime mean wrap-up time of the finished handles
 * @param longestWait the longest wait of any interaction in the queue: answered, abandoned,
 *     overflowed, or still waiting at the end
 * @param averageAbandonTime mean wait of the callers who abandoned
 * @param abandonRatePercent {@code abandoned / offered * 100}; {@code NaN} when nothing was offered
 */
public record QueueKpis(
    String queue,
    String name,
    long offered,
    long answered,
    long answeredWithinThreshold,
    long abandoned,
    long abandonedWithinThreshold,
    long overflowed,
    long callbacks,
    long failed,
    long waitingAtEnd,
    long handled,
    @Nullable Duration serviceLevelThreshold,
    int serviceLevelTargetPercent,
    double serviceLevelPercent,
    Duration averageSpeedOfAnswer,
    Duration averageHandleTime,
    Duration averageTalkTime,
    Duration averageWrapUpTime,
    Duration longestWait,
    Duration averageAbandonTime,
    double abandonRatePercent) {

  /** Whether the service level reached the queue's target (false overall and when undefined). */
  public boolean meetsTarget() {
    return serviceLevelTargetPercent > 0 && serviceLevelPercent >= serviceLevelTargetPercent;
  }
}
