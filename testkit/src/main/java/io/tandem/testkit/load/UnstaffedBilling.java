package io.tandem.testkit.load;

import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import java.time.Duration;

/**
 * The queue the load benchmarks' callers wait in: {@code billing}, for agents with billing skills
 * that nobody staffs, with music on hold and the position announced every 30 s.
 */
public final class UnstaffedBilling {

  public static final QueueId ID = new QueueId("billing");

  private UnstaffedBilling() {}

  public static QueueConfig config() {
    return QueueConfig.builder(ID.value())
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), true, false))
        .build();
  }
}
