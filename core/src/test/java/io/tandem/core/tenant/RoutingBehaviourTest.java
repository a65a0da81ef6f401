package io.tandem.core.tenant;

import static io.tandem.core.tenant.TenantDriver.agents;
import static io.tandem.core.tenant.TenantDriver.skills;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.agent.NotReadyReason;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the routing engine picks agents and interactions, one behaviour per test. */
class RoutingBehaviourTest {

  private final TenantDriver cc = new TenantDriver();

  @Test
  void arrival_withIdleAgents_offersToTheLongestIdle() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId first = cc.readyAgent("ann");
    cc.advance(Duration.ofSeconds(5));
    cc.readyAgent("bob");

    InteractionId call = cc.call(sales);

    assertThat(cc.offeredTo(first)).isEqualTo(call);
    assertThat(cc.agentState(new AgentId("bob")).state()).isEqualTo(AgentState.READY);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.RESERVED);
  }

  @Test
  void answeredCall_connectsAndTheAgentIsBusy() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId call = cc.call(sales);

    cc.answer(ann);

    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONNECTED);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.BUSY);
    assertThat(cc.agentState(ann).interaction()).isEqualTo(call);
    assertThat(cc.tenant.state().reservations()).isEmpty();
  }

  @Test
  void offerNotAnswered_agentGoesNotReadyAndTheCallerKeepsTheirPlace() {
    QueueId sales =
        cc.queue(QueueConfig.builder("sales").ringTimeout(Duration.ofSeconds(15)).build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId first = cc.call(sales);
    InteractionId second = cc.call(sales);

    cc.advance(Duration.ofSeconds(15));

    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.NOT_READY);
    assertThat(cc.agentState(ann).notReadyReason()).isEqualTo(NotReadyReason.NO_ANSWER);
    assertThat(cc.tenant.state().waitingLine(sales))
        .extracting(i -> i.id())
        .containsExactly(first, second);
    AgentId bob = cc.readyAgent("bob");
    assertThat(cc.offeredTo(bob)).isEqualTo(first);
  }

  @Test
  void declinedOffer_agentGoesNotReadyAndTheCallGoesToTheNextAgent() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    cc.advance(Duration.ofSeconds(1));
    AgentId bob = cc.readyAgent("bob");
    InteractionId call = cc.call(sales);

    cc.tenant.declineOffer(cc.offerTo(ann));

    assertThat(cc.agentState(ann).notReadyReason()).isEqualTo(NotReadyReason.DECLINED);
    assertThat(cc.offeredTo(bob)).isEqualTo(call);
  }

  @Test
  void simultaneousOffer_firstToAcceptWins_andTheOthersAreWithdrawn() {
    QueueId attendant =
        cc.queue(
            QueueConfig.builder("attendant")
                .strategy(RoutingStrategyKind.SIMULTANEOUS)
                .simultaneousOffers(3)
                .build());
    AgentId ann = cc.readyAgent("ann");
    AgentId bob = cc.readyAgent("bob");
    AgentId cid = cc.readyAgent("cid");
    InteractionId call = cc.call(attendant);
    assertThat(cc.offers()).hasSize(3);

    cc.answer(bob);

    assertThat(cc.agentState(bob).state()).isEqualTo(AgentState.BUSY);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);
    assertThat(cc.agentState(cid).state()).isEqualTo(AgentState.READY);
    assertThat(cc.eventsOf(InteractionEvent.OfferWithdrawn.class))
        .extracting(InteractionEvent.OfferWithdrawn::reason)
        .containsExactly("answered-elsewhere", "answered-elsewhere");
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONNECTED);
  }

  @Test
  void escalation_widensTheSkillRequirementAfterItsDelay() {
    QueueId billing =
        cc.queue(
            QueueConfig.builder("billing")
                .skills("billing >= 4")
                .escalateAfter(Duration.ofSeconds(30), "billing >= 2")
                .build());
    AgentId junior = cc.readyAgent("junior", skills("billing", 2));
    InteractionId call = cc.call(billing);

    cc.advance(Duration.ofSeconds(29));
    assertThat(cc.agentState(junior).state()).isEqualTo(AgentState.READY);

    cc.advance(Duration.ofSeconds(1));
    assertThat(cc.offeredTo(junior)).isEqualTo(call);
    assertThat(cc.eventsOf(InteractionEvent.Escalated.class)).hasSize(1);
  }

  @Test
  void higherPriorityQueue_isServedFirst_evenWhenItsCallArrivedLater() {
    QueueId normal = cc.queue(QueueConfig.builder("normal").build());
    QueueId vip = cc.queue(QueueConfig.builder("vip").priority(50).build());
    AgentId ann = cc.agent("ann", skills("general", 3));
    InteractionId early = cc.call(normal);
    cc.advance(Duration.ofSeconds(10));
    InteractionId vipCall = cc.call(vip);

    cc.tenant.logIn(ann, true);

    assertThat(cc.offeredTo(ann)).isEqualTo(vipCall);
    assertThat(cc.stateOf(early)).isEqualTo(InteractionState.QUEUED);
  }

  @Test
  void callerPriority_ranksAheadOfEarlierCallsOfTheSameQueue() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.agent("ann", skills("general", 3));
    InteractionId early = cc.call(sales);
    InteractionId important = cc.call(sales);
    cc.tenant.setRequirements(important, 20, SkillExpression.ANY, null);

    cc.tenant.logIn(ann, true);

    assertThat(cc.offeredTo(ann)).isEqualTo(important);
    assertThat(cc.tenant.state().waitingLine(sales)).extracting(i -> i.id()).containsExactly(early);
  }

  @Test
  void preferredAgent_getsTheCallFirst_andAnyoneElseAfterTheTimeout() {
    QueueId support =
        cc.queue(
            QueueConfig.builder("support").preferredAgentTimeout(Duration.ofSeconds(20)).build());
    AgentId last = cc.agent("last", skills("general", 3));
    cc.tenant.logIn(last, false);
    AgentId other = cc.readyAgent("other");
    InteractionId call =
        cc.tenant.arrive(
            null, io.tandem.core.interaction.Channel.VOICE, "+4930111", "+4930999", Map.of());
    cc.tenant.enqueue(call, support, last);

    assertThat(cc.agentState(other).state()).isEqualTo(AgentState.READY);
    cc.advance(Duration.ofSeconds(20));

    assertThat(cc.offeredTo(other)).isEqualTo(call);
  }

  @Test
  void preferredAgent_whoBecomesReadyInTime_getsTheCall() {
    QueueId support =
        cc.queue(
            QueueConfig.builder("support").preferredAgentTimeout(Duration.ofSeconds(20)).build());
    AgentId last = cc.agent("last", skills("general", 3));
    cc.tenant.logIn(last, false);
    cc.readyAgent("other");
    InteractionId call =
        cc.tenant.arrive(
            null, io.tandem.core.interaction.Channel.VOICE, "+4930111", "+4930999", Map.of());
    cc.tenant.enqueue(call, support, last);

    cc.advance(Duration.ofSeconds(5));
    cc.tenant.ready(last);

    assertThat(cc.offeredTo(last)).isEqualTo(call);
  }

  @Test
  void maxWait_overflowsToAnotherQueue_whereTheCallKeepsItsArrivalOrder() {
    QueueId backup = cc.queue(QueueConfig.builder("backup").build());
    QueueId front =
        cc.queue(
            QueueConfig.builder("front")
                .maxWait(Duration.ofSeconds(60))
                .overflowAction(new io.tandem.core.queue.QueueAction.ToQueue(backup))
                .build());
    InteractionId waitingLong = cc.call(front);
    cc.advance(Duration.ofSeconds(30));
    InteractionId alreadyInBackup = cc.call(backup);

    cc.advance(Duration.ofSeconds(30));

    assertThat(cc.eventsOf(InteractionEvent.Overflowed.class))
        .extracting(InteractionEvent.Overflowed::reason)
        .containsExactly("max-wait");
    assertThat(cc.tenant.state().waitingLine(backup))
        .extracting(i -> i.id())
        .containsExactly(waitingLong, alreadyInBackup);
  }

  @Test
  void maxLength_sendsFurtherCallersToVoicemail() {
    QueueId small =
        cc.queue(
            QueueConfig.builder("small")
                .maxLength(2)
                .overflowAction(new io.tandem.core.queue.QueueAction.ToVoicemail("sales-box"))
                .build());
    cc.call(small);
    cc.call(small);

    InteractionId third = cc.call(small);

    assertThat(cc.stateOf(third)).isEqualTo(InteractionState.VOICEMAIL);
    assertThat(cc.tenant.state().waitingIn(small)).isEqualTo(2);
  }

  @Test
  void noEligibleAgentLoggedIn_takesTheNoAgentAction() {
    QueueId german =
        cc.queue(
            QueueConfig.builder("german")
                .skills("lang == de")
                .noAgentAction(new io.tandem.core.queue.QueueAction.ToNumber("+4930123456"))
                .build());
    cc.readyAgent("english-only", skills("general", 3), "en");

    InteractionId call = cc.call(german);

    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.ENDED);
    assertThat(cc.eventsOf(InteractionEvent.Ended.class))
        .extracting(InteractionEvent.Ended::reason)
        .containsExactly("forwarded:+4930123456");
  }

  @Test
  void closedQueue_disconnectsWithItsMessage() {
    cc.tenant.defineBusinessHours(
        new io.tandem.core.hours.BusinessHours(
            "office",
            java.time.ZoneId.of("Europe/Berlin"),
            io.tandem.core.hours.WeeklySchedule.weekdays(
                java.time.LocalTime.of(13, 0), java.time.LocalTime.of(17, 0)),
            java.util.List.of()));
    QueueId sales = cc.queue(QueueConfig.builder("sales").businessHours("office").build());
    cc.readyAgent("ann");

    InteractionId call = cc.call(sales);

    assertThat(cc.eventsOf(InteractionEvent.Overflowed.class))
        .extracting(InteractionEvent.Overflowed::reason)
        .containsExactly("closed");
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.ENDED);
  }

  @Test
  void callerHangsUpWhileRinging_theOfferIsWithdrawnAndTheAgentGetsTheNextCall() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId first = cc.call(sales);
    InteractionId second = cc.call(sales);

    cc.tenant.customerHungUp(first);

    assertThat(cc.stateOf(first)).isEqualTo(InteractionState.ABANDONED);
    assertThat(cc.offeredTo(ann)).isEqualTo(second);
  }

  @Test
  void wrapUp_endsByItselfAfterTheQueuesWrapUpTime() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(30)).build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId call = cc.call(sales);
    cc.answer(ann);
    cc.tenant.customerHungUp(call);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.WRAP_UP);

    cc.advance(Duration.ofSeconds(30));

    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);
    assertThat(cc.eventsOf(InteractionEvent.WrapUpCompleted.class))
        .singleElement()
        .satisfies(done -> assertThat(done.automatic()).isTrue());
    assertThat(cc.tenant.pendingTimers()).isZero();
  }

  @Test
  void wrapUpCompletedWithCode_endsTheInteractionAndOffersTheNextCall() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(30)).build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId first = cc.call(sales);
    cc.answer(ann);
    InteractionId second = cc.call(sales);
    cc.tenant.agentHungUp(first);

    cc.tenant.completeWrapUp(ann, "sale", "upgraded to premium");

    assertThat(cc.eventsOf(InteractionEvent.WrapUpCompleted.class))
        .singleElement()
        .satisfies(done -> assertThat(done.code()).isEqualTo("sale"));
    assertThat(cc.stateOf(first)).isEqualTo(InteractionState.ENDED);
    assertThat(cc.offeredTo(ann)).isEqualTo(second);
  }

  @Test
  void completeWrapUp_forAnAgentNotInWrapUp_isRejectedAndChangesNothing() {
    cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    var before = cc.tenant.state().snapshot();

    assertThatThrownBy(() -> cc.tenant.completeWrapUp(ann, "x", null))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("not in wrap-up");
    assertThat(cc.tenant.state().snapshot()).isEqualTo(before);
  }

  @Test
  void roundRobin_offersToAgentsInTurn() {
    QueueId desk =
        cc.queue(QueueConfig.builder("desk").strategy(RoutingStrategyKind.ROUND_ROBIN).build());
    AgentId a = cc.readyAgent("a");
    AgentId b = cc.readyAgent("b");
    AgentId c = cc.readyAgent("c");

    for (int i = 0; i < 4; i++) {
      InteractionId call = cc.call(desk);
      AgentId offered =
          cc.tenant
              .state()
              .reservation(cc.tenant.state().interaction(call).reservations().get(0))
              .agent();
      cc.answer(offered);
      cc.tenant.agentHungUp(call);
    }

    assertThat(cc.offers())
        .extracting(o -> o.substring(o.indexOf("->") + 2))
        .containsExactly("a", "b", "c", "a");
    assertThat(Set.of(a, b, c)).hasSize(3);
  }

  @Test
  void serial_alwaysTriesTheMembersInTheirFixedOrder() {
    QueueId desk =
        cc.queue(
            QueueConfig.builder("desk")
                .strategy(RoutingStrategyKind.SERIAL)
                .members(agents("third", "first", "second"))
                .build());
    cc.readyAgent("first");
    cc.readyAgent("second");
    AgentId third = cc.readyAgent("third");

    InteractionId call = cc.call(desk);

    assertThat(cc.offeredTo(third)).isEqualTo(call);
  }

  @Test
  void serial_ignoresAgentsWhoAreNotMembers() {
    QueueId desk =
        cc.queue(
            QueueConfig.builder("desk")
                .strategy(RoutingStrategyKind.SERIAL)
                .members(agents("member"))
                .build());
    AgentId outsider = cc.readyAgent("outsider");
    InteractionId call = cc.call(desk);
    assertThat(cc.agentState(outsider).state()).isEqualTo(AgentState.READY);

    AgentId member = cc.readyAgent("member");

    assertThat(cc.offeredTo(member)).isEqualTo(call);
  }

  @Test
  void leastOccupied_prefersTheAgentWithFewerCallsToday() {
    QueueId desk =
        cc.queue(QueueConfig.builder("desk").strategy(RoutingStrategyKind.LEAST_OCCUPIED).build());
    AgentId busy = cc.readyAgent("busy");
    InteractionId earlier = cc.call(desk);
    cc.answer(busy);
    cc.tenant.agentHungUp(earlier);
    cc.advance(Duration.ofSeconds(10));
    AgentId fresh = cc.readyAgent("fresh");

    InteractionId call = cc.call(desk);

    assertThat(cc.offeredTo(fresh)).isEqualTo(call);
  }

  @Test
  void skillsProficiency_prefersTheBetterSkilledAgent() {
    QueueId tech =
        cc.queue(
            QueueConfig.builder("tech")
                .skills("network >= 2")
                .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
                .build());
    cc.readyAgent("novice", skills("network", 2));
    AgentId expert = cc.readyAgent("expert", skills("network", 5));

    InteractionId call = cc.call(tech);

    assertThat(cc.offeredTo(expert)).isEqualTo(call);
  }

  @Test
  void agentInDoNotDisturb_getsNoOffer_untilAvailableAgain() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.presenceChanged(ann, Availability.DO_NOT_DISTURB);
    InteractionId call = cc.call(sales);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);

    cc.tenant.presenceChanged(ann, Availability.AVAILABLE);

    assertThat(cc.offeredTo(ann)).isEqualTo(call);
  }

  @Test
  void queueThatAcceptsBusyPresence_offersToAgentsBusyInTeams() {
    QueueId relaxed =
        cc.queue(
            QueueConfig.builder("relaxed")
                .allowedAvailabilities(Set.of(Availability.AVAILABLE, Availability.BUSY))
                .build());
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.presenceChanged(ann, Availability.BUSY);

    InteractionId call = cc.call(relaxed);

    assertThat(cc.offeredTo(ann)).isEqualTo(call);
  }

  @Test
  void languageRequirement_routesOnlyToSpeakers() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    cc.readyAgent("english", skills("general", 3), "en");
    cc.advance(Duration.ofSeconds(1));
    AgentId german = cc.readyAgent("german", skills("general", 3), "de", "en");
    InteractionId call =
        cc.tenant.arrive(
            null, io.tandem.core.interaction.Channel.VOICE, "+4930111", "+4930999", Map.of());
    cc.tenant.setRequirements(call, 0, SkillExpression.ANY, "de");

    cc.tenant.enqueue(call, sales, null);

    assertThat(cc.offeredTo(german)).isEqualTo(call);
  }

  @Test
  void agentLogsOutWhileRinging_theCallGoesToSomeoneElse() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    cc.advance(Duration.ofSeconds(1));
    AgentId bob = cc.readyAgent("bob");
    InteractionId call = cc.call(sales);

    cc.tenant.logOut(ann);

    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.OFFLINE);
    assertThat(cc.agentState(ann).reservation()).isNull();
    assertThat(cc.offeredTo(bob)).isEqualTo(call);
    assertThat(cc.tenant.state().reservations()).hasSize(1);
  }

  @Test
  void agentGoesNotReadyWhileRinging_theCallGoesToSomeoneElse() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    cc.advance(Duration.ofSeconds(1));
    AgentId bob = cc.readyAgent("bob");
    InteractionId call = cc.call(sales);

    cc.tenant.notReady(ann, "lunch");

    assertThat(cc.agentState(ann).notReadyReason()).isEqualTo("lunch");
    assertThat(cc.offeredTo(bob)).isEqualTo(call);
  }

  @Test
  void busyAgent_cannotLogOut() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    cc.call(sales);
    cc.answer(ann);

    assertThatThrownBy(() -> cc.tenant.logOut(ann)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void callbackRequest_keepsThePlaceAndIsOfferedAsACallback() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    InteractionId first = cc.call(sales);
    InteractionId second = cc.call(sales);
    cc.tenant.requestCallback(first, sales, "+4917012345");
    cc.tenant.customerHungUp(first);

    AgentId ann = cc.readyAgent("ann");

    assertThat(cc.offeredTo(ann)).isEqualTo(first);
    assertThat(cc.tenant.state().interaction(first).channel())
        .isEqualTo(io.tandem.core.interaction.Channel.CALLBACK);
    assertThat(cc.tenant.state().interaction(first).callbackNumber()).isEqualTo("+4917012345");
    assertThat(cc.stateOf(second)).isEqualTo(InteractionState.QUEUED);
  }

  @Test
  void transferToQueue_sendsTheCallerBackToWaitAndTheAgentToWrapUp() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(10)).build());
    QueueId billing = cc.queue(QueueConfig.builder("billing").skills("billing >= 1").build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId call = cc.call(sales);
    cc.answer(ann);

    cc.tenant.work().transferToQueue(call, billing);

    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.QUEUED);
    AgentId biller = cc.readyAgent("biller", skills("billing", 3));
    assertThat(cc.offeredTo(biller)).isEqualTo(call);
  }

  @Test
  void holdConsultConference_areRecordedAsTransitions() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    AgentId ann = cc.readyAgent("ann");
    InteractionId call = cc.call(sales);
    cc.answer(ann);

    cc.tenant.work().hold(call);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.ON_HOLD);
    cc.tenant.work().consult(call, "teams:supervisor");
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONSULTING);
    cc.tenant.work().conference(call);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONFERENCED);
    cc.tenant.work().resume(call);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONNECTED);
    assertThatThrownBy(() -> cc.tenant.work().transferFailed(call, "no transfer running"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CONNECTED);
  }

  @Test
  void everyEvent_isStampedWithTheInjectedClock() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    cc.advance(Duration.ofMinutes(3));
    cc.readyAgent("ann");
    cc.call(sales);

    assertThat(cc.events)
        .allSatisfy(e -> assertThat(e.at()).isBetween(TenantDriver.START, cc.time.instant()));
    assertThat(cc.events.get(cc.events.size() - 1).at())
        .isEqualTo(TenantDriver.START.plus(Duration.ofMinutes(3)));
  }
}
