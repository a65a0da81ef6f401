package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.callback.CallbackOffer;
import io.tandem.core.callback.CallbackPolicy;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A callback placed on the wire, in virtual time: the dialler is handed each callback offer, the
 * agent answering starts the dial to the customer, the customer answering connects them, and a
 * customer not reached is retried after the policy's delay until its last attempt.
 */
class CallbackDialTest {

  private static final String NUMBER = "+4917012345";

  private final TenantDriver cc = new TenantDriver();
  private final List<CallbackOffer> dialled = new ArrayList<>();
  private final QueueId sales =
      cc.queue(QueueConfig.builder("sales").wrapUp(Duration.ofSeconds(30)).build());

  CallbackDialTest() {
    cc.tenant.callbacks().dialWith(dialled::add);
  }

  /** A caller who asked for a callback and hung up. */
  private InteractionId callback() {
    InteractionId id = cc.call(sales);
    cc.tenant.requestCallback(id, sales, NUMBER);
    cc.tenant.customerHungUp(id);
    return id;
  }

  @Test
  void agentAnswers_customerAnswers_theyTalk_thenWrapUp() {
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");

    assertThat(dialled)
        .singleElement()
        .satisfies(
            offer -> {
              assertThat(offer.interaction()).isEqualTo(id);
              assertThat(offer.agent()).isEqualTo(ann);
              assertThat(offer.number()).isEqualTo(NUMBER);
              assertThat(offer.queue()).isEqualTo(sales);
              assertThat(offer.calledAddress()).isEqualTo("+4930999");
              assertThat(offer.attempt()).isEqualTo(1);
              assertThat(offer.reservation()).isEqualTo(cc.offerTo(ann));
            });

    cc.tenant.callbacks().agentAnswered(dialled.get(0).reservation());
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CALLBACK_DIALLING);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.BUSY);
    cc.advance(Duration.ofMinutes(10));
    assertThat(cc.stateOf(id))
        .as("no offer deadline while dialling")
        .isEqualTo(InteractionState.CALLBACK_DIALLING);

    cc.tenant.callbacks().customerAnswered(id);
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CONNECTED);

    cc.tenant.customerHungUp(id);
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.WRAP_UP);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(cc.eventsOf(InteractionEvent.CallbackDialling.class))
        .singleElement()
        .satisfies(d -> assertThat(d.attempt()).isEqualTo(1));
    assertThat(cc.eventsOf(InteractionEvent.CallbackAnswered.class)).hasSize(1);
  }

  @Test
  void agentDeclines_theCallbackKeepsItsPlace_andGoesToTheNextAgent() {
    InteractionId first = callback();
    InteractionId later = callback();
    AgentId ann = cc.readyAgent("ann");
    assertThat(cc.offeredTo(ann)).isEqualTo(first);

    cc.tenant.declineOffer(cc.offerTo(ann));
    AgentId bob = cc.readyAgent("bob");

    assertThat(cc.offeredTo(bob)).isEqualTo(first);
    assertThat(cc.stateOf(later)).isEqualTo(InteractionState.CALLBACK_REQUESTED);
    assertThat(dialled).extracting(CallbackOffer::agent).containsExactly(ann, bob);
    assertThat(dialled).extracting(CallbackOffer::attempt).containsExactly(1, 1);
  }

  @Test
  void agentNeverAnswers_isRona_andTheCallbackWaitsAgain() {
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");

    cc.advance(Duration.ofMinutes(1));

    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CALLBACK_REQUESTED);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.NOT_READY);
    assertThatThrownBy(() -> cc.tenant.callbacks().agentAnswered(dialled.get(0).reservation()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void customerBusy_agentIsFreed_andTheCallbackIsRetriedAfterTheDelay() {
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));

    cc.tenant.callbacks().customerNotReached(id, "busy");

    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CALLBACK_SCHEDULED);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);
    InteractionEvent.CallbackNotReached missed =
        cc.eventsOf(InteractionEvent.CallbackNotReached.class).get(0);
    assertThat(missed.reason()).isEqualTo("busy");
    assertThat(missed.attempt()).isEqualTo(1);
    assertThat(missed.retryAt()).isEqualTo(TenantDriver.START.plus(Duration.ofMinutes(5)));

    cc.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(dialled).as("not offered before the retry time").hasSize(1);
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CALLBACK_SCHEDULED);

    cc.advance(Duration.ofSeconds(1));
    assertThat(cc.eventsOf(InteractionEvent.CallbackRetryDue.class)).hasSize(1);
    assertThat(dialled).hasSize(2);
    assertThat(dialled.get(1).attempt()).isEqualTo(2);
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));
    cc.tenant.callbacks().customerAnswered(id);
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CONNECTED);
  }

  @Test
  void aRetriedCallback_isServedBeforeANewerOne() {
    InteractionId old = callback();
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));
    cc.tenant.callbacks().customerNotReached(old, "no-answer");
    cc.tenant.notReady(ann, "lunch");
    InteractionId newer = callback();

    cc.advance(Duration.ofMinutes(5));
    cc.tenant.ready(ann);

    assertThat(cc.offeredTo(ann)).isEqualTo(old);
    assertThat(cc.stateOf(newer)).isEqualTo(InteractionState.CALLBACK_REQUESTED);
  }

  @Test
  void lastAttemptFails_endsTheInteraction_callbackFailed_withEveryAttemptOnTheTimeline() {
    cc.tenant.callbacks().usePolicy(new CallbackPolicy(2, Duration.ofMinutes(1)));
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));
    cc.tenant.callbacks().customerNotReached(id, "busy");
    cc.advance(Duration.ofMinutes(1));
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));

    cc.tenant.callbacks().customerNotReached(id, "no-answer");

    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.ENDED);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);
    List<String> timeline =
        cc.events.stream()
            .filter(e -> e instanceof InteractionEvent ie && ie.interaction().equals(id))
            .map(CallbackDialTest::describe)
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(timeline)
        .containsSubsequence(
            "dialling 1",
            "not reached 1 busy retry",
            "retry due",
            "dialling 2",
            "not reached 2 no-answer final",
            "ended callback-failed");
    assertThat(cc.tenant.pendingTimers()).isZero();
  }

  @Test
  void cancellingAScheduledCallback_endsIt_andNoRetryFires() {
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));
    cc.tenant.callbacks().customerNotReached(id, "busy");

    cc.tenant.end(id, "callback-cancelled");
    cc.advance(Duration.ofMinutes(10));

    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.ENDED);
    assertThat(dialled).hasSize(1);
    assertThat(cc.tenant.pendingTimers()).isZero();
  }

  @Test
  void failingWhileDialling_freesTheAgent() {
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");
    cc.tenant.callbacks().agentAnswered(cc.offerTo(ann));

    cc.tenant.fail(id, "channel-error");

    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.FAILED);
    assertThat(cc.agentState(ann).state()).isEqualTo(AgentState.READY);
  }

  @Test
  void outcomesOutOfOrder_areRefused_andChangeNothing() {
    InteractionId plain = cc.call(sales);
    AgentId ann = cc.readyAgent("ann");
    assertThatThrownBy(() -> cc.tenant.callbacks().agentAnswered(cc.offerTo(ann)))
        .as("a queued call is not a callback")
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(cc.stateOf(plain)).isEqualTo(InteractionState.RESERVED);
    cc.answer(ann);

    InteractionId id = callback();
    assertThatThrownBy(() -> cc.tenant.callbacks().customerAnswered(id))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> cc.tenant.callbacks().customerNotReached(id, "busy"))
        .isInstanceOf(IllegalTransitionException.class);
    cc.tenant.customerHungUp(id);
    assertThat(cc.stateOf(id)).isEqualTo(InteractionState.CALLBACK_REQUESTED);
  }

  @Test
  void aPolicyThatCannotWork_isRefused() {
    assertThatThrownBy(() -> new CallbackPolicy(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallbackPolicy(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutADialler_offersAreMadeAsBefore_andNobodyIsAskedToDial() {
    cc.tenant.callbacks().dialWith(null);
    InteractionId id = callback();
    AgentId ann = cc.readyAgent("ann");

    assertThat(cc.offeredTo(ann)).isEqualTo(id);
    assertThat(dialled).isEmpty();
  }

  private static String describe(TenantEvent event) {
    return switch (event) {
      case InteractionEvent.CallbackDialling d -> "dialling " + d.attempt();
      case InteractionEvent.CallbackNotReached n ->
          "not reached "
              + n.attempt()
              + " "
              + n.reason()
              + (n.retryAt() == null ? " final" : " retry");
      case InteractionEvent.CallbackRetryDue r -> "retry due";
      case InteractionEvent.Ended e -> "ended " + e.reason();
      default -> "";
    };
  }
}
