package io.tandem.core.tenant;

import static io.tandem.core.tenant.TenantDriver.skills;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.TenantState;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tenant rebuilt from its event log after the process died, as after {@code kill -9}. */
class RecoveryTest {

  private static final Duration DOWNTIME = Duration.ofSeconds(20);

  private final TenantDriver before = new TenantDriver();
  private VirtualTime time;
  private Tenant after;
  private final List<TenantEvent> published = new ArrayList<>();

  /** Starts a new process: a new tenant on a clock moved on by the downtime, recovering the log. */
  private RecoveryReport restart() {
    time = new VirtualTime(before.time.instant().plus(DOWNTIME));
    after = new Tenant(before.tenant.id(), time, time);
    after.addListener(published::add);
    return after.recover(List.copyOf(before.events));
  }

  private InteractionState stateAfter(InteractionId id) {
    var live = after.state().interaction(id);
    if (live != null) {
      return live.state();
    }
    return published.stream()
        .filter(e -> e instanceof InteractionEvent.Failed f && f.interaction().equals(id))
        .map(e -> InteractionState.FAILED)
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is neither live nor failed"));
  }

  @Test
  void callsWithLiveMedia_endAsLostOnRestart_andFreeTheirAgents() {
    QueueId sales = before.queue(QueueConfig.builder("sales").build());
    AgentId ann = before.readyAgent("ann");
    AgentId bob = before.readyAgent("bob");
    InteractionId talking = before.call(sales);
    before.answer(ann);
    InteractionId ringing = before.call(sales);
    InteractionId waiting = before.call(sales);

    RecoveryReport report = restart();

    assertThat(report.lostOnRestart()).containsExactlyInAnyOrder(talking, ringing, waiting);
    assertThat(published)
        .filteredOn(InteractionEvent.Failed.class::isInstance)
        .extracting(e -> ((InteractionEvent.Failed) e).reason())
        .containsOnly("lost-on-restart")
        .hasSize(3);
    assertThat(stateAfter(talking)).isEqualTo(InteractionState.FAILED);
    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.READY);
    assertThat(after.state().agent(bob).state()).isEqualTo(AgentState.READY);
    assertThat(after.state().reservations()).isEmpty();
    assertThat(after.pendingTimers()).isZero();
  }

  @Test
  void agentsAndQueues_comeBackAsTheyWere() {
    QueueId sales = before.queue(QueueConfig.builder("sales").skills("sales >= 2").build());
    AgentId ann = before.readyAgent("ann", skills("sales", 4), "de");
    AgentId bob = before.agent("bob", skills("sales", 2));
    before.tenant.logIn(bob, false);
    before.tenant.notReady(bob, "training");

    restart();

    assertThat(after.state().queue(sales)).isEqualTo(before.tenant.state().queue(sales));
    assertThat(after.state().agent(ann).view()).isEqualTo(before.tenant.state().agent(ann).view());
    assertThat(after.state().agent(bob).notReadyReason()).isEqualTo("training");
    assertThat(published).isEmpty();
  }

  @Test
  void callbackRequest_survivesTheRestart_andIsOfferedAfterwards() {
    QueueId sales = before.queue(QueueConfig.builder("sales").build());
    InteractionId call = before.call(sales);
    before.tenant.requestCallback(call, sales, "+4917012345");
    before.tenant.customerHungUp(call);

    RecoveryReport report = restart();
    assertThat(report.lostOnRestart()).isEmpty();
    assertThat(report.interactionsKept()).isEqualTo(1);
    after.configureAgent(
        io.tandem.core.agent.AgentProfile.voice("ann", io.tandem.core.skill.AgentSkills.NONE));
    after.logIn(new AgentId("ann"), true);

    assertThat(after.state().interaction(call).state()).isEqualTo(InteractionState.RESERVED);
    assertThat(after.state().interaction(call).callbackNumber()).isEqualTo("+4917012345");
  }

  @Test
  void callbackRingingAnAgentAtTheCrash_isOfferedAgainWithANewDeadline() {
    QueueId sales = before.queue(QueueConfig.builder("sales").build());
    InteractionId call = before.call(sales);
    before.tenant.requestCallback(call, sales, "+4917012345");
    AgentId ann = before.readyAgent("ann");
    assertThat(before.offeredTo(ann)).isEqualTo(call);

    restart();

    var reservation = after.state().reservation(after.state().agent(ann).reservation());
    assertThat(reservation.interaction()).isEqualTo(call);
    assertThat(reservation.deadline()).isEqualTo(time.instant().plus(Duration.ofSeconds(15)));
    time.advance(Duration.ofSeconds(15));
    assertThat(after.state().agent(ann).notReadyReason()).isEqualTo("no-answer");
  }

  @Test
  void wrapUp_survivesTheRestart_andEndsAtItsRecordedDeadline() {
    QueueId sales =
        before.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(60)).build());
    AgentId ann = before.readyAgent("ann");
    InteractionId call = before.call(sales);
    before.answer(ann);
    before.tenant.customerHungUp(call);

    RecoveryReport report = restart();
    assertThat(report.timersRearmed()).isEqualTo(1);
    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.WRAP_UP);

    time.advance(Duration.ofSeconds(60).minus(DOWNTIME).minusSeconds(1));
    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.WRAP_UP);
    time.advance(Duration.ofSeconds(1));
    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.READY);
    assertThat(after.state().interaction(call)).isNull();
  }

  @Test
  void wrapUpWhoseDeadlinePassedDuringTheDowntime_endsAtOnce() {
    QueueId sales =
        before.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(5)).build());
    AgentId ann = before.readyAgent("ann");
    InteractionId call = before.call(sales);
    before.answer(ann);
    before.tenant.customerHungUp(call);

    restart();
    time.advance(Duration.ZERO);

    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.READY);
  }

  @Test
  void theLogPlusWhatRecoveryEmitted_replaysToTheRecoveredState() {
    QueueId sales =
        before.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(30)).build());
    AgentId ann = before.readyAgent("ann");
    before.readyAgent("bob");
    InteractionId first = before.call(sales);
    before.answer(ann);
    before.call(sales);
    before.tenant.customerHungUp(first);

    restart();
    TenantState replayed = new TenantState(before.tenant.id());
    before.events.forEach(replayed::apply);
    published.forEach(replayed::apply);

    assertThat(replayed.snapshot()).isEqualTo(after.state().snapshot());
  }

  @Test
  void recoveringIntoATenantWithState_isRefused() {
    before.queue(QueueConfig.builder("sales").build());

    assertThatThrownBy(() -> before.tenant.recover(List.copyOf(before.events)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already has state");
  }

  @Test
  void aCallbackBeingDialled_isNotReachedLostOnRestart_andRetriedAtItsTime() {
    QueueId sales = before.queue(QueueConfig.builder("sales").build());
    InteractionId callback = before.call(sales);
    before.tenant.requestCallback(callback, sales, "+4917012345");
    AgentId ann = before.readyAgent("ann");
    before.tenant.callbacks().agentAnswered(before.offerTo(ann));

    RecoveryReport report = restart();

    assertThat(report.lostOnRestart()).doesNotContain(callback);
    assertThat(stateAfter(callback)).isEqualTo(InteractionState.CALLBACK_SCHEDULED);
    assertThat(after.state().agent(ann).state()).isEqualTo(AgentState.READY);
    assertThat(published)
        .filteredOn(InteractionEvent.CallbackNotReached.class::isInstance)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((InteractionEvent.CallbackNotReached) e).reason())
                    .isEqualTo("lost-on-restart"));
    time.advance(Duration.ofMinutes(5));
    assertThat(stateAfter(callback)).isEqualTo(InteractionState.RESERVED);
  }

  @Test
  void aScheduledCallback_keepsItsRetryTime() {
    QueueId sales = before.queue(QueueConfig.builder("sales").build());
    InteractionId callback = before.call(sales);
    before.tenant.requestCallback(callback, sales, "+4917012345");
    AgentId ann = before.readyAgent("ann");
    before.tenant.callbacks().agentAnswered(before.offerTo(ann));
    before.tenant.callbacks().customerNotReached(callback, "busy");

    restart();

    assertThat(stateAfter(callback)).isEqualTo(InteractionState.CALLBACK_SCHEDULED);
    assertThat(after.pendingTimers()).isEqualTo(1);
    time.advance(Duration.ofMinutes(5).minus(DOWNTIME));
    assertThat(stateAfter(callback)).isEqualTo(InteractionState.RESERVED);
  }
}
