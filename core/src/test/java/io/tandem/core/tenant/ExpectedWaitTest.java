package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.QueuePlace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The announcement of a waiting caller: position as configured, and the expected wait learnt from
 * the queue's handle times (talk plus wrap-up), divided among the agents logged in for it.
 */
class ExpectedWaitTest {

  private final TenantDriver driver = new TenantDriver();

  private QueueId queue(boolean position, boolean expectedWait) {
    return driver.queue(
        QueueConfig.builder("general")
            .skills("general >= 1")
            .wrapUp(Duration.ofSeconds(30))
            .announcements(
                new Announcements(
                    "prompt:music-on-hold", Duration.ofSeconds(30), position, expectedWait))
            .build());
  }

  /** One call answered by {@code agent}, talked for {@code talk}, then 30 s of wrap-up. */
  private void handle(QueueId queue, AgentId agent, Duration talk) {
    InteractionId call = driver.call(queue);
    driver.answer(agent);
    driver.advance(talk);
    driver.tenant.customerHungUp(call);
    driver.advance(Duration.ofSeconds(30)); // the wrap-up ends by itself
  }

  @Test
  void beforeTheQueueHandledThreeCalls_onlyThePositionIsAnnounced() {
    QueueId general = queue(true, true);
    AgentId ann = driver.readyAgent("ann");
    handle(general, ann, Duration.ofSeconds(90));
    handle(general, ann, Duration.ofSeconds(90));
    InteractionId busy = driver.call(general);
    driver.answer(ann);

    InteractionId waiting = driver.call(general);

    assertThat(driver.tenant.placeOf(waiting)).isEqualTo(new QueuePlace(1, null));
    assertThat(driver.tenant.placeOf(busy)).isEqualTo(QueuePlace.NONE);
  }

  @Test
  void expectedWait_isPositionTimesHandleTime_sharedByTheLoggedInAgents() {
    QueueId general = queue(true, true);
    AgentId ann = driver.readyAgent("ann");
    for (int i = 0; i < 3; i++) {
      handle(general, ann, Duration.ofSeconds(90)); // 90 s talk + 30 s wrap-up = 2 minutes
    }
    AgentId bob = driver.readyAgent("bob");
    driver.call(general);
    driver.answer(ann);
    driver.call(general);
    driver.answer(bob);

    List<InteractionId> waiting =
        List.of(driver.call(general), driver.call(general), driver.call(general));

    assertThat(driver.tenant.placeOf(waiting.get(0)))
        .isEqualTo(new QueuePlace(1, Duration.ofMinutes(1)));
    assertThat(driver.tenant.placeOf(waiting.get(2)))
        .isEqualTo(new QueuePlace(3, Duration.ofMinutes(3)));
  }

  @Test
  void recentCallsWeighMore() {
    QueueId general = queue(false, true);
    AgentId ann = driver.readyAgent("ann");
    for (int i = 0; i < 3; i++) {
      handle(general, ann, Duration.ofSeconds(90));
    }
    handle(general, ann, Duration.ofSeconds(690)); // 12 minutes with wrap-up
    driver.call(general);
    driver.answer(ann);
    InteractionId waiting = driver.call(general);

    // 2 min + 0.2 × (12 min − 2 min) = 4 min; position not announced in this queue
    assertThat(driver.tenant.placeOf(waiting)).isEqualTo(new QueuePlace(0, Duration.ofMinutes(4)));
  }

  @Test
  void withNobodyLoggedInForTheCaller_noWaitIsPromised() {
    WaitEstimates waits = new WaitEstimates();
    QueueId general = new QueueId("general");

    assertThat(waits.expectedWait(general, 1, 0)).isNull();
    assertThat(waits.expectedWait(general, 1, 3)).as("nothing learnt yet").isNull();
  }

  @Test
  void aQueueThatDoesNotAnnounceTheWait_neverSaysIt() {
    QueueId general = queue(true, false);
    AgentId ann = driver.readyAgent("ann");
    for (int i = 0; i < 3; i++) {
      handle(general, ann, Duration.ofSeconds(90));
    }
    driver.call(general);
    driver.answer(ann);

    assertThat(driver.tenant.placeOf(driver.call(general))).isEqualTo(new QueuePlace(1, null));
  }
}
