package io.tandem.core.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueId;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The talk's outcomes as the tenant records them, the wire's failures turned into refusals with
 * nothing changed, and the wire's reports (answered, not answered, left, transfer failed, agent
 * gone) in the states that take them and in those that do not.
 */
class TalkControlTest {

  private final TalkRig rig = new TalkRig();

  @Test
  void consultConferenceAndHandOver_areRecordedInOrderAndEndTheAgentsPart() {
    rig.talk.request(new CallAction.Hold());
    rig.talk.request(new CallAction.Consult(TalkRig.TOM));
    rig.talk.consultAnswered();
    rig.talk.request(new CallAction.Conference());
    rig.talk.request(new CallAction.Transfer(null));

    assertThat(rig.recorded())
        .containsExactly(
            "Held", "ConsultStarted", "Conferenced", "TransferStarted", "Disconnected");
    assertThat(rig.events)
        .filteredOn(InteractionEvent.TransferStarted.class::isInstance)
        .singleElement()
        .extracting(event -> ((InteractionEvent.TransferStarted) event).target())
        .isEqualTo("+4930123456");
    assertThat(rig.wire.operations)
        .containsExactly(
            "holdCaller true",
            "callThirdParty +4930123456 CONSULT",
            "joinAll",
            "handOver asked",
            "passedOn asked");
    assertThat(rig.talk.state()).isEqualTo(TalkState.DONE);
    assertThat(rig.talk.thirdParty()).isNull();
  }

  @Test
  void request_withoutAnInteraction_isRefusedNotLive() {
    rig.wire.interaction = null;

    assertThatThrownBy(() -> rig.talk.request(new CallAction.Hold()))
        .isInstanceOfSatisfying(
            CallActionRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.NOT_LIVE))
        .hasMessage("the call has no interaction");
    assertThat(rig.wire.operations).isEmpty();
    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
  }

  @Test
  void transferToAQueueTheTenantDoesNotHave_isRefusedWithNothingAsked() {
    assertThatThrownBy(
            () ->
                rig.talk.request(
                    new CallAction.Transfer(new CallTarget.Queue(new QueueId("nowhere")))))
        .isInstanceOfSatisfying(
            CallActionRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.NOT_NOW))
        .hasMessage("there is no queue nowhere");
    assertThat(rig.wire.operations).isEmpty();
    assertThat(rig.recorded()).isEmpty();
    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
  }

  @Test
  void transferToAQueue_requeuesTheCallerInTheTenant() {
    rig.talk.request(new CallAction.Transfer(new CallTarget.Queue(TalkRig.BILLING)));

    assertThat(rig.interaction()).isEqualTo(InteractionState.QUEUED);
    assertThat(rig.talk.state()).isEqualTo(TalkState.DONE);
  }

  @Test
  void aTargetTheWireDoesNotReach_isRefusedAsTheWireSaid() {
    rig.wire.failing(
        "callThirdParty",
        new CallActionRefused(CallActionRefused.Reason.UNSUPPORTED, "no numbers here"));

    assertThatThrownBy(() -> rig.talk.request(new CallAction.Consult(TalkRig.TOM)))
        .isInstanceOfSatisfying(
            CallActionRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.UNSUPPORTED))
        .hasMessage("no numbers here");
    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
    assertThat(rig.talk.thirdParty()).isNull();
    assertThat(rig.recorded()).isEmpty();
  }

  /** Each action whose wire work fails, the state it is asked in, and the failing operation. */
  static Stream<Arguments> wireFailures() {
    return Stream.of(
        Arguments.of(TalkState.TALKING, new CallAction.Hold(), "holdCaller"),
        Arguments.of(TalkState.HOLDING, new CallAction.Resume(), "holdCaller"),
        Arguments.of(TalkState.CONSULTING, new CallAction.Resume(), "dropThirdParty"),
        Arguments.of(TalkState.TALKING, new CallAction.Consult(TalkRig.TOM), "callThirdParty"),
        Arguments.of(TalkState.CONSULTING, new CallAction.Conference(), "joinAll"),
        Arguments.of(TalkState.HOLDING, new CallAction.Transfer(TalkRig.TOM), "callThirdParty"),
        Arguments.of(
            TalkState.TALKING,
            new CallAction.Transfer(new CallTarget.Queue(TalkRig.BILLING)),
            "sendToQueue"),
        Arguments.of(TalkState.CONFERENCED, new CallAction.Transfer(null), "handOver"));
  }

  @ParameterizedTest(name = "{1} while {0}, {2} failing")
  @MethodSource("wireFailures")
  void wireFailure_refusesTheActionAndChangesNothing(
      TalkState state, CallAction action, String operation) {
    TalkRig talk = new TalkRig().in(state);
    InteractionState before = talk.interaction();
    CallTarget thirdParty = talk.talk.thirdParty();
    talk.wire.failing(operation, new IOException("wire down"));

    assertThatThrownBy(() -> talk.talk.request(action))
        .isInstanceOfSatisfying(
            CallActionRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.NOT_NOW))
        .hasMessage("the wire refused " + action.name() + ": wire down");

    assertThat(talk.talk.state()).isEqualTo(state);
    assertThat(talk.talk.thirdParty()).isEqualTo(thirdParty);
    assertThat(talk.recorded()).isEmpty();
    assertThat(talk.interaction()).isEqualTo(before);
  }

  @Test
  void consultAnswered_whileRinging_letsAgentAndConsultedTalk() {
    rig.in(TalkState.CONSULT_RINGING);

    assertThat(rig.talk.consultAnswered()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.CONSULTING);
    assertThat(rig.talk.thirdParty()).isEqualTo(TalkRig.TOM);
    assertThat(rig.recorded()).isEmpty();
  }

  @Test
  void consultUnanswered_whileRinging_leavesTheCallerHolding() {
    rig.in(TalkState.CONSULT_RINGING);

    assertThat(rig.talk.consultUnanswered("408")).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.HOLDING);
    assertThat(rig.talk.thirdParty()).isNull();
    assertThat(rig.recorded()).containsExactly("Held");
    assertThat(rig.interaction()).isEqualTo(InteractionState.ON_HOLD);
  }

  @Test
  void thirdPartyLeft_duringAConsultation_leavesTheCallerHolding() {
    rig.in(TalkState.CONSULTING);

    assertThat(rig.talk.thirdPartyLeft()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.HOLDING);
    assertThat(rig.recorded()).containsExactly("Held");
  }

  @Test
  void thirdPartyLeft_duringAConference_leavesCallerAndAgentTalking() {
    rig.in(TalkState.CONFERENCED);

    assertThat(rig.talk.thirdPartyLeft()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
    assertThat(rig.recorded()).containsExactly("Resumed");
    assertThat(rig.interaction()).isEqualTo(InteractionState.CONNECTED);
  }

  @Test
  void transferAnswered_handsTheCallerOverAndCompletesTheTransfer() {
    rig.in(TalkState.TRANSFERRING);

    assertThat(rig.talk.transferAnswered()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.DONE);
    assertThat(rig.wire.operations).containsExactly("handOver answered", "passedOn answered");
    assertThat(rig.recorded()).containsExactly("Disconnected");
  }

  @Test
  void transferAnswered_whenTheHandOverFails_stillCompletesTheTransfer() {
    rig.in(TalkState.TRANSFERRING);
    rig.wire.failing("handOver", new IOException("wire down"));

    assertThat(rig.talk.transferAnswered()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.DONE);
    assertThat(rig.recorded()).containsExactly("Disconnected");
  }

  @Test
  void transferFailed_givesTheCallerBackToTheAgent() {
    rig.in(TalkState.TRANSFERRING);

    assertThat(rig.talk.transferFailed("busy")).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
    assertThat(rig.talk.thirdParty()).isNull();
    assertThat(rig.wire.operations).containsExactly("holdCaller false");
    assertThat(rig.recorded()).containsExactly("TransferFailed");
    assertThat(rig.events)
        .filteredOn(InteractionEvent.TransferFailed.class::isInstance)
        .singleElement()
        .extracting(event -> ((InteractionEvent.TransferFailed) event).reason())
        .isEqualTo("busy");
  }

  @Test
  void transferFailed_whenTakingTheCallerOffHoldFails_stillGivesTheCallerBack() {
    rig.in(TalkState.TRANSFERRING);
    rig.wire.failing("holdCaller", new IOException("wire down"));

    assertThat(rig.talk.transferFailed("busy")).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.TALKING);
    assertThat(rig.recorded()).containsExactly("TransferFailed");
  }

  @Test
  void agentLeft_duringAConsultation_dropsTheConsultedAndEndsTheCall() {
    rig.in(TalkState.CONSULTING);

    assertThat(rig.talk.agentLeft()).isTrue();

    assertThat(rig.talk.state()).isEqualTo(TalkState.DONE);
    assertThat(rig.wire.operations).containsExactly("dropThirdParty answered", "hangUp");
    assertThat(rig.recorded()).containsExactly("Disconnected");
  }

  @Test
  void agentLeft_withNobodyElse_onlyEndsTheCall() {
    assertThat(rig.talk.agentLeft()).isTrue();

    assertThat(rig.wire.operations).containsExactly("hangUp");
    assertThat(rig.recorded()).containsExactly("Disconnected");
  }

  /** Each report of the wire, and a state that does not take it. */
  static Stream<Arguments> reportsOutOfTurn() {
    return Stream.of(
        Arguments.of("consultAnswered", TalkState.CONSULTING),
        Arguments.of("consultAnswered", TalkState.TRANSFERRING),
        Arguments.of("consultUnanswered", TalkState.HOLDING),
        Arguments.of("consultUnanswered", TalkState.TRANSFERRING),
        Arguments.of("thirdPartyLeft", TalkState.CONSULT_RINGING),
        Arguments.of("thirdPartyLeft", TalkState.TALKING),
        Arguments.of("transferAnswered", TalkState.CONSULT_RINGING),
        Arguments.of("transferAnswered", TalkState.DONE),
        Arguments.of("transferFailed", TalkState.TALKING),
        Arguments.of("transferFailed", TalkState.DONE),
        Arguments.of("agentLeft", TalkState.DONE));
  }

  @ParameterizedTest(name = "{0} while {1}")
  @MethodSource("reportsOutOfTurn")
  void reportOutOfTurn_isNotTakenAndChangesNothing(String report, TalkState state) {
    TalkRig talk = new TalkRig().in(state);

    boolean taken =
        switch (report) {
          case "consultAnswered" -> talk.talk.consultAnswered();
          case "consultUnanswered" -> talk.talk.consultUnanswered("408");
          case "thirdPartyLeft" -> talk.talk.thirdPartyLeft();
          case "transferAnswered" -> talk.talk.transferAnswered();
          case "transferFailed" -> talk.talk.transferFailed("busy");
          case "agentLeft" -> talk.talk.agentLeft();
          default -> throw new IllegalArgumentException(report);
        };

    assertThat(taken).isFalse();
    assertThat(talk.talk.state()).isEqualTo(state);
    assertThat(talk.wire.operations).isEmpty();
    assertThat(talk.recorded()).isEmpty();
  }

  @Test
  void reports_withoutAnInteraction_areNotTaken() {
    rig.in(TalkState.CONSULT_RINGING);
    rig.wire.interaction = null;

    assertThat(
            List.of(
                rig.talk.consultAnswered(),
                rig.talk.consultUnanswered("408"),
                rig.talk.agentLeft()))
        .containsOnly(false);
    assertThat(rig.talk.state()).isEqualTo(TalkState.CONSULT_RINGING);
  }
}
