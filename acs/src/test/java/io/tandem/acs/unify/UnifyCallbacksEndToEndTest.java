package io.tandem.acs.unify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.callback.CallbackPolicy;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.testkit.load.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks placed over Unify against the emulator on the wall clock, as Teams Phone extensibility
 * places an outbound call: CreateCall to the agent's Teams as the help line's resource account (its
 * number shown), then the customer's number added when the agent answers.
 */
class UnifyCallbacksEndToEndTest {

  private static final String CUSTOMER = "+447700900123";
  private static final String RESOURCE_ACCOUNT = "66666666-ffff-4aaa-8bbb-000000000001";
  private static final CallbackLine LINE =
      new CallbackLine(RESOURCE_ACCOUNT, UnifyNode.HELP_LINE, Duration.ofSeconds(3));

  private final UnifyRig rig = new UnifyRig();

  UnifyCallbacksEndToEndTest() throws Exception {
    rig.node.tell(t -> t.callbacks().dialWith(rig.unify.callbacks(LINE))).join();
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private static QueueConfig.Builder billing() {
    return QueueConfig.builder("billing")
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .ringTimeout(Duration.ofSeconds(4))
        .wrapUp(Duration.ofSeconds(1))
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, false));
  }

  private void customerPhone(ClientBehaviour.Response response, Duration hangUpAfter) {
    rig.node
        .emulator
        .callAutomation()
        .pstnPhones()
        .script(
            CUSTOMER,
            new ClientBehaviour(
                Duration.ofMillis(500), response, hangUpAfter, null, null, null, null));
  }

  /** A callback request as a flow leaves it, made on the tenant (no line is held). */
  private InteractionId callbackRequested() {
    return rig.node
        .onTenant(
            t -> {
              InteractionId id =
                  t.arrive(null, Channel.VOICE, CUSTOMER, RESOURCE_ACCOUNT, Map.of());
              t.enqueue(id, new QueueId("billing"), null);
              t.requestCallback(id, new QueueId("billing"), CUSTOMER);
              return id;
            })
        .join();
  }

  private void policy(int attempts, Duration delay) {
    rig.node.tell(t -> t.callbacks().usePolicy(new CallbackPolicy(attempts, delay))).join();
  }

  @Test
  void callerAsksForACallback_agentsTeamsRingsWithTheHelpLine_thenTheCustomersPhone_theyTalk()
      throws Exception {
    rig.staff(billing(), List.of());
    customerPhone(ClientBehaviour.Response.ANSWER, Duration.ofSeconds(2));

    rig.dial(
        "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"4\"},{\"after\":\"PT3S\",\"digits\":\"1\"}],"
            + "\"patience\":\"PT30S\"");
    await(() -> !rig.events(InteractionEvent.CallbackRequested.class).isEmpty(), "requested");
    assertThat(rig.events(InteractionEvent.CallbackRequested.class).get(0).number())
        .isEqualTo(CUSTOMER);
    await(() -> rig.unify.activeCalls() == 0, "the caller's line is not held");

    rig.staff(billing(), List.of("ann"));

    await(() -> !rig.events(InteractionEvent.WrapUpCompleted.class).isEmpty(), "wrap-up done");
    assertThat(rig.events(InteractionEvent.CallbackDialling.class))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.agent()).isEqualTo(new AgentId("ann"));
              assertThat(d.attempt()).isEqualTo(1);
            });
    assertThat(rig.events(InteractionEvent.CallbackAnswered.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(d -> assertThat(d.by()).isEqualTo(DisconnectedBy.CUSTOMER));
    JournalEntry create =
        single(e -> e.kind().equals("POST /calling/callConnections") && e.body() != null);
    assertThat(create.body())
        .contains("\"teamsAppSource\"")
        .contains(RESOURCE_ACCOUNT)
        .contains("\"sourceCallerIdNumber\":{\"value\":\"" + UnifyNode.HELP_LINE + "\"}")
        .contains(UnifyRig.AGENTS.get("ann"));
    assertThat(single(e -> e.kind().equals("call.ringingTarget")).attributes())
        .containsEntry("callerNumber", UnifyNode.HELP_LINE)
        .containsEntry("source", "28:orgid:" + RESOURCE_ACCOUNT);
    JournalEntry addCustomer =
        single(e -> e.kind().contains("/participants:add") && e.body().contains(CUSTOMER));
    assertThat(addCustomer.body())
        .contains("\"sourceCallerIdNumber\":{\"value\":\"" + UnifyNode.HELP_LINE + "\"}")
        .contains("\"invitationTimeoutInSeconds\":3");
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
  }

  @Test
  void agentDeclines_theNextAgentGetsTheCallback() throws Exception {
    rig.staff(billing(), List.of());
    customerPhone(ClientBehaviour.Response.ANSWER, Duration.ofSeconds(1));
    callbackRequested();

    rig.staff(billing(), List.of("dan", "ann"));

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "talked");
    assertThat(rig.events(InteractionEvent.OfferDeclined.class))
        .singleElement()
        .satisfies(d -> assertThat(d.agent()).isEqualTo(new AgentId("dan")));
    assertThat(rig.events(InteractionEvent.CallbackDialling.class))
        .singleElement()
        .satisfies(d -> assertThat(d.agent()).isEqualTo(new AgentId("ann")));
  }

  @Test
  void agentNeverAnswers_isRona_andTheirTeamsStopsRinging() throws Exception {
    rig.staff(billing(), List.of());
    InteractionId id = callbackRequested();

    rig.staff(billing(), List.of("nia"));

    await(() -> !rig.events(InteractionEvent.OfferTimedOut.class).isEmpty(), "RONA");
    await(() -> rig.unify.activeCalls() == 0, "the call to nia is ended");
    assertThat(rig.journal(e -> e.kind().contains(":terminate"))).isNotEmpty();
    assertThat(rig.events(InteractionEvent.CallbackDialling.class)).isEmpty();
    assertThat(state(id)).isEqualTo("CALLBACK_REQUESTED");
  }

  @Test
  void customerBusy_isRetriedAfterTheDelay_andThenAnswers() throws Exception {
    policy(3, Duration.ofSeconds(2));
    rig.staff(billing(), List.of());
    customerPhone(ClientBehaviour.Response.BUSY, null);
    callbackRequested();
    rig.staff(billing(), List.of("ann"));

    await(() -> !rig.events(InteractionEvent.CallbackNotReached.class).isEmpty(), "busy");
    customerPhone(ClientBehaviour.Response.ANSWER, Duration.ofSeconds(1));

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "talked");
    InteractionEvent.CallbackNotReached busy =
        rig.events(InteractionEvent.CallbackNotReached.class).get(0);
    assertThat(busy.reason()).isEqualTo("busy");
    assertThat(busy.retryAt()).isNotNull();
    assertThat(rig.events(InteractionEvent.CallbackRetryDue.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.CallbackRetryDue.class).get(0).at())
        .isAfterOrEqualTo(busy.retryAt());
    assertThat(rig.events(InteractionEvent.CallbackDialling.class))
        .extracting(InteractionEvent.CallbackDialling::attempt)
        .containsExactly(1, 2);
    assertThat(rig.events(InteractionEvent.CallbackAnswered.class)).hasSize(1);
  }

  @Test
  void customerNeverAnswers_everyAttempt_endsCallbackFailed() throws Exception {
    policy(2, Duration.ofSeconds(1));
    rig.staff(billing(), List.of());
    customerPhone(ClientBehaviour.Response.NO_ANSWER, null);
    InteractionId id = callbackRequested();
    rig.staff(billing(), List.of("ann"));

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "given up");

    assertThat(rig.events(InteractionEvent.Ended.class).get(0).reason())
        .isEqualTo(CallbackPolicy.GIVEN_UP);
    assertThat(rig.events(InteractionEvent.CallbackNotReached.class))
        .extracting(InteractionEvent.CallbackNotReached::reason)
        .containsExactly("no-answer", "no-answer");
    assertThat(rig.events(InteractionEvent.CallbackNotReached.class).get(1).retryAt()).isNull();
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
    assertThat(rig.node.onTenant(t -> t.state().agent(new AgentId("ann")).state()).join())
        .isEqualTo(AgentState.READY);
    assertThat(rig.node.onTenant(t -> t.state().interaction(id)).join()).isNull();
  }

  private String state(InteractionId id) {
    return rig.node.onTenant(t -> t.state().interaction(id).state().name()).join();
  }

  private JournalEntry single(java.util.function.Predicate<JournalEntry> filter) {
    List<JournalEntry> found = rig.journal(filter);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    if (!Waits.until(condition, Duration.ofSeconds(30), Duration.ofMillis(20))) {
      throw new AssertionError("not within 30 s: " + what + "; events: " + rig.events);
    }
  }
}
