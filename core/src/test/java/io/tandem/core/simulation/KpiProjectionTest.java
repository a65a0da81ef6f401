package io.tandem.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.ServiceLevelTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiProjectionTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final QueueId Q1 = new QueueId("q1");
  private static final QueueId Q2 = new QueueId("q2");
  private static final AgentId A1 = new AgentId("a1");
  private static final AgentId A2 = new AgentId("a2");

  private final KpiProjection kpis = new KpiProjection();

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static InteractionId i(int n) {
    return new InteractionId("i" + n);
  }

  private static ReservationId r(int n) {
    return new ReservationId("r" + n);
  }

  private void setUp() {
    for (QueueId queue : new QueueId[] {Q1, Q2}) {
      kpis.on(
          new QueueEvent.Configured(
              QueueConfig.builder(queue.value())
                  .name("Queue " + queue.value())
                  .serviceLevel(new ServiceLevelTarget(80, Duration.ofSeconds(20)))
                  .build(),
              at(0)));
    }
    kpis.on(new AgentEvent.Configured(AgentProfile.voice("a1", Scenarios.GENERAL), at(0)));
    kpis.on(new AgentEvent.Configured(AgentProfile.voice("a2", Scenarios.GENERAL), at(0)));
    kpis.on(new AgentEvent.LoggedIn(A1, at(0)));
    kpis.on(new AgentEvent.BecameReady(A1, at(0)));
    kpis.on(new AgentEvent.LoggedIn(A2, at(0)));
  }

  private void queued(int n, QueueId queue, long at) {
    kpis.on(
        new InteractionEvent.Arrived(i(n), Channel.VOICE, "+49301", "+49302", Map.of(), n, at(at)));
    kpis.on(new InteractionEvent.Queued(i(n), queue, null, null, at(at)));
  }

  @Test
  void handWrittenDay_givesExactQueueAgentAndOverallNumbers() {
    setUp();
    // i1: waits 5 s, talks 60 s, wraps up 10 s.
    queued(1, Q1, 10);
    kpis.on(new InteractionEvent.Offered(i(1), r(1), A1, at(25), at(10)));
    kpis.on(new InteractionEvent.Connected(i(1), r(1), A1, at(15)));
    kpis.on(new InteractionEvent.Disconnected(i(1), A1, DisconnectedBy.CUSTOMER, at(85), at(75)));
    // i2 abandons after 30 s (counts against the service level), i3 after 5 s (does not count).
    queued(2, Q1, 20);
    queued(3, Q1, 30);
    kpis.on(new InteractionEvent.Abandoned(i(3), at(35)));
    queued(4, Q1, 40);
    kpis.on(new InteractionEvent.Abandoned(i(2), at(50)));
    kpis.on(new InteractionEvent.WrapUpCompleted(i(1), A1, null, null, true, at(85)));
    // i4: waits 50 s, talks 60 s, no wrap-up.
    kpis.on(new InteractionEvent.Offered(i(4), r(2), A1, at(100), at(85)));
    kpis.on(new InteractionEvent.Connected(i(4), r(2), A1, at(90)));
    kpis.on(new InteractionEvent.Disconnected(i(4), A1, DisconnectedBy.AGENT, null, at(150)));
    // a2: not ready until 100, in a Teams meeting 110-130.
    kpis.on(new AgentEvent.BecameReady(A2, at(100)));
    kpis.on(new AgentEvent.PresenceChanged(A2, Availability.BUSY, at(110)));
    kpis.on(new AgentEvent.PresenceChanged(A2, Availability.AVAILABLE, at(130)));
    // i5 overflows from q1 to q2 after 60 s, rings a2 out, and is answered 22 s into q2.
    queued(5, Q1, 120);
    kpis.on(
        new InteractionEvent.Overflowed(
            i(5), Q1, "max-wait", new QueueAction.ToQueue(Q2), at(180)));
    kpis.on(new InteractionEvent.Queued(i(5), Q2, null, null, at(180)));
    kpis.on(new InteractionEvent.Offered(i(5), r(3), A2, at(195), at(180)));
    kpis.on(new InteractionEvent.OfferTimedOut(i(5), r(3), A2, at(195)));
    kpis.on(new AgentEvent.BecameReady(A2, at(200)));
    kpis.on(new InteractionEvent.Offered(i(5), r(4), A2, at(215), at(200)));
    kpis.on(new InteractionEvent.Connected(i(5), r(4), A2, at(202)));

    KpiReport report = kpis.report(at(300));

    QueueKpis q1 = report.queues().get(0);
    assertThat(q1.queue()).isEqualTo("q1");
    assertThat(q1.name()).isEqualTo("Queue q1");
    assertThat(q1.offered()).isEqualTo(5);
    assertThat(q1.answered()).isEqualTo(2);
    assertThat(q1.answeredWithinThreshold()).isEqualTo(1);
    assertThat(q1.abandoned()).isEqualTo(2);
    assertThat(q1.abandonedWithinThreshold()).isEqualTo(1);
    assertThat(q1.overflowed()).isEqualTo(1);
    assertThat(q1.serviceLevelPercent()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(q1.averageSpeedOfAnswer()).isEqualTo(Duration.ofMillis(27_500));
    assertThat(q1.handled()).isEqualTo(2);
    assertThat(q1.averageHandleTime()).isEqualTo(Duration.ofSeconds(65));
    assertThat(q1.averageTalkTime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(q1.averageWrapUpTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(q1.longestWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(q1.averageAbandonTime()).isEqualTo(Duration.ofMillis(17_500));
    assertThat(q1.abandonRatePercent()).isEqualTo(40.0);
    assertThat(q1.waitingAtEnd()).isZero();
    assertThat(q1.meetsTarget()).isFalse();

    QueueKpis q2 = report.queues().get(1);
    assertThat(q2.offered()).isEqualTo(1);
    assertThat(q2.answered()).isEqualTo(1);
    assertThat(q2.answeredWithinThreshold()).isZero();
    assertThat(q2.serviceLevelPercent()).isZero();
    assertThat(q2.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(22));
    assertThat(q2.handled()).isZero();
    assertThat(q2.averageHandleTime()).isEqualTo(Duration.ZERO);

    QueueKpis all = report.overall();
    assertThat(all.offered()).isEqualTo(5);
    assertThat(all.answered()).isEqualTo(3);
    assertThat(all.answeredWithinThreshold()).isEqualTo(1);
    assertThat(all.abandoned()).isEqualTo(2);
    assertThat(all.overflowed()).as("overflow to another queue stays in the system").isZero();
    assertThat(all.serviceLevelPercent()).isEqualTo(25.0);
    assertThat(all.averageSpeedOfAnswer()).isEqualTo(Duration.ofNanos(45_666_666_667L));
    assertThat(all.longestWait()).isEqualTo(Duration.ofSeconds(82));
    assertThat(all.serviceLevelThreshold()).isNull();

    AgentKpis a1 = report.agents().get(0);
    assertThat(a1.agent()).isEqualTo("a1");
    assertThat(a1.handled()).isEqualTo(2);
    assertThat(a1.loggedIn()).isEqualTo(Duration.ofSeconds(300));
    assertThat(a1.idle()).isEqualTo(Duration.ofSeconds(160));
    assertThat(a1.ringing()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a1.talk()).isEqualTo(Duration.ofSeconds(120));
    assertThat(a1.wrapUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a1.away()).isEqualTo(Duration.ZERO);
    assertThat(a1.notReady()).isEqualTo(Duration.ZERO);
    assertThat(a1.occupancyPercent()).isCloseTo(130.0 / 300 * 100, within(1e-9));
    assertThat(a1.utilisationPercent()).isCloseTo(130.0 / 300 * 100, within(1e-9));

    AgentKpis a2 = report.agents().get(1);
    assertThat(a2.handled()).isEqualTo(1);
    assertThat(a2.notReady()).isEqualTo(Duration.ofSeconds(105));
    assertThat(a2.idle()).isEqualTo(Duration.ofSeconds(60));
    assertThat(a2.away()).isEqualTo(Duration.ofSeconds(20));
    assertThat(a2.ringing()).isEqualTo(Duration.ofSeconds(17));
    assertThat(a2.talk())
        .as("still talking at the report instant")
        .isEqualTo(Duration.ofSeconds(98));
    assertThat(a2.occupancyPercent()).isCloseTo(98.0 / 175 * 100, within(1e-9));
    assertThat(a2.utilisationPercent()).isCloseTo(98.0 / 300 * 100, within(1e-9));

    assertThat(report.agentTotals().agents()).isEqualTo(2);
    assertThat(report.agentTotals().talk()).isEqualTo(Duration.ofSeconds(218));
  }

  @Test
  void report_isAPureReading_askingTwiceOrLaterChangesNothingBefore() {
    setUp();
    queued(1, Q1, 10);

    KpiReport first = kpis.report(at(60));
    KpiReport again = kpis.report(at(60));
    KpiReport later = kpis.report(at(120));

    assertThat(again).isEqualTo(first);
    assertThat(first.queues().get(0).waitingAtEnd()).isEqualTo(1);
    assertThat(first.queues().get(0).longestWait()).isEqualTo(Duration.ofSeconds(50));
    assertThat(later.queues().get(0).longestWait()).isEqualTo(Duration.ofSeconds(110));
    assertThat(later.agents().get(0).idle()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void overflowToCallback_countsAsOverflowedThenAsCallbackNotAsAnswered() {
    setUp();
    queued(1, Q1, 0);
    kpis.on(
        new InteractionEvent.Overflowed(
            i(1), Q1, "max-wait", new QueueAction.OfferCallback(), at(300)));
    kpis.on(new InteractionEvent.CallbackRequested(i(1), Q1, "+49301", at(300)));
    kpis.on(new InteractionEvent.Offered(i(1), r(1), A1, at(415), at(400)));
    kpis.on(new InteractionEvent.Connected(i(1), r(1), A1, at(405)));
    kpis.on(new InteractionEvent.Disconnected(i(1), A1, DisconnectedBy.AGENT, null, at(465)));

    KpiReport report = kpis.report(at(500));

    QueueKpis q1 = report.queues().get(0);
    assertThat(q1.overflowed()).isEqualTo(1);
    assertThat(q1.callbacks()).isEqualTo(1);
    assertThat(q1.answered()).isZero();
    assertThat(q1.serviceLevelPercent()).isNaN();
    assertThat(q1.handled()).isEqualTo(1);
    assertThat(q1.averageHandleTime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(report.overall().overflowed()).isEqualTo(1);
    assertThat(report.overall().callbacks()).isEqualTo(1);
    assertThat(report.agents().get(0).handled()).isEqualTo(1);
  }

  @Test
  void failedCall_freesItsAgentAndCountsAsFailed() {
    setUp();
    queued(1, Q1, 0);
    kpis.on(new InteractionEvent.Offered(i(1), r(1), A1, at(15), at(0)));
    kpis.on(new InteractionEvent.Connected(i(1), r(1), A1, at(5)));
    kpis.on(new InteractionEvent.Failed(i(1), "media-lost", at(35)));

    KpiReport report = kpis.report(at(100));

    assertThat(report.queues().get(0).failed()).isEqualTo(1);
    assertThat(report.overall().failed()).isEqualTo(1);
    assertThat(report.agents().get(0).talk()).isEqualTo(Duration.ofSeconds(30));
    assertThat(report.agents().get(0).idle()).isEqualTo(Duration.ofSeconds(65));
  }

  @Test
  void startWindow_countsOnlyWhatHappensFromThenOn_keepingCallsInProgress() {
    setUp();
    // Before the window: i1 answered and finished, i2 waiting since 50 s.
    queued(1, Q1, 10);
    kpis.on(new InteractionEvent.Offered(i(1), r(1), A1, at(25), at(10)));
    kpis.on(new InteractionEvent.Connected(i(1), r(1), A1, at(12)));
    kpis.on(new InteractionEvent.Disconnected(i(1), A1, DisconnectedBy.CUSTOMER, null, at(40)));
    queued(2, Q1, 50);

    kpis.startWindow(at(100));
    // In the window: i2 answered after waiting 60 s in all, i3 queued and abandoned.
    kpis.on(new InteractionEvent.Offered(i(2), r(2), A1, at(125), at(105)));
    kpis.on(new InteractionEvent.Connected(i(2), r(2), A1, at(110)));
    queued(3, Q1, 120);
    kpis.on(new InteractionEvent.Abandoned(i(3), at(150)));

    KpiReport report = kpis.report(at(200));

    QueueKpis q1 = report.queues().get(0);
    assertThat(q1.offered()).isEqualTo(1);
    assertThat(q1.answered()).isEqualTo(1);
    assertThat(q1.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(60));
    assertThat(q1.answeredWithinThreshold()).isZero();
    assertThat(q1.abandoned()).isEqualTo(1);
    assertThat(q1.handled()).isZero();
    assertThat(report.overall().answered()).isEqualTo(1);
    AgentKpis a1 = report.agents().get(0);
    assertThat(a1.handled()).isEqualTo(1);
    assertThat(a1.loggedIn()).isEqualTo(Duration.ofSeconds(100));
    assertThat(a1.talk()).isEqualTo(Duration.ofSeconds(90));
    assertThat(a1.ringing()).isEqualTo(Duration.ofSeconds(5));
  }
}
