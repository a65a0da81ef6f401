package io.tandem.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The main line of {@link SampleFlows} walked end to end, as a caller would go through it. */
class FlowRunWalkthroughTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  @Test
  void billingCaller_duringOfficeHours_isIdentifiedInTheCrmAndQueuedForBilling() {
    FlowRun run = fixture.started(SampleFlows.mainLine());

    assertThat(fixture.media.log()).containsExactly("play file:prompts/welcome.wav");
    run.onPlayCompleted();
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_INPUT);
    assertThat(fixture.media.lastRequest())
        .isEqualTo(
            new InputRequest.Choice(
                Prompt.text("For billing press 1 or say billing. For support press 2."),
                java.util.List.of("1", "billing", "2"),
                Duration.ofSeconds(5)));

    run.onInput("1");
    assertThat(run.currentNode()).isEqualTo("account");
    run.onInput("123456#");
    assertThat(fixture.lookup.requests())
        .containsExactly(
            new ScriptedDataLookup.Request(
                "https://crm.example.com/accounts/123456?caller=%2B41791234567",
                Duration.ofSeconds(2)));
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_LOOKUP);

    fixture.lookup.answering(java.util.Map.of("name", "Ada Muster", "tier", "gold")).answer(run);
    assertThat(fixture.media.log().getLast()).isEqualTo("play text:Thank you, Ada Muster.");
    run.onPlayCompleted();

    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(fixture.media.log())
        .containsExactly(
            "play file:prompts/welcome.wav",
            "collect choice [1, billing, 2] text:For billing press 1 or say billing. For support"
                + " press 2.",
            "collect digits 6-10 until # text:Please key in your account number, then press"
                + " hash.",
            "play text:Thank you, Ada Muster.");
    assertThat(fixture.decisions.log())
        .containsExactly(
            "attributesChanged {account=123456}",
            "attributesChanged {customerName=Ada Muster, customerTier=gold}",
            "attributesChanged {topic=billing}",
            "priorityChanged 60",
            "skillsChanged billing >= 2",
            "languageChanged en",
            "routeToQueue billing");
    assertThat(run.attributes())
        .containsEntry("caller", FlowRunFixture.CALLER)
        .containsEntry("account", "123456")
        .containsEntry("customerName", "Ada Muster")
        .containsEntry("topic", "billing");
  }

  @Test
  void supportCaller_afterOneWrongKey_isQueuedForSupport() {
    FlowRun run = fixture.started(SampleFlows.mainLine());
    run.onPlayCompleted();

    run.onInput("7");
    run.onPlayCompleted();
    run.onInput("2");

    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(fixture.decisions.log())
        .containsExactly(
            "attributesChanged {topic=support}", "skillsChanged support", "routeToQueue support");
  }

  @Test
  void caller_whoChoosesNothing_isTransferredToTheOperator() {
    FlowRun run = fixture.started(SampleFlows.mainLine());
    run.onPlayCompleted();

    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInputTimeout();

    assertThat(fixture.decisions.log()).containsExactly("transferToNumber +41445550000");
  }

  @Test
  void billingCaller_whenTheCrmIsDown_isStillQueuedForBilling() {
    FlowRun run = fixture.started(SampleFlows.mainLine());
    run.onPlayCompleted();
    run.onInput("billing");
    run.onInput("987654");

    fixture.lookup.failing("503 Service Unavailable").answer(run);

    assertThat(fixture.decisions.log())
        .containsExactly(
            "attributesChanged {account=987654}",
            "attributesChanged {topic=billing}",
            "priorityChanged 60",
            "skillsChanged billing >= 2",
            "languageChanged en",
            "routeToQueue billing");
  }

  @Test
  void caller_atNight_hearsTheClosedMessageAndIsHungUpOn() {
    FlowRun run = fixture.at(FlowRunFixture.MONDAY_NIGHT).started(SampleFlows.mainLine());

    assertThat(fixture.media.log())
        .containsExactly("play text:We are closed. Please call between 8 and 18 o'clock.");
    run.onPlayCompleted();

    assertThat(fixture.decisions.log()).containsExactly("hungUp closed");
  }

  @Test
  void caller_onChristmasDay_canLeaveAMessage() {
    FlowRun run = fixture.at(FlowRunFixture.CHRISTMAS_DAY).started(SampleFlows.mainLine());
    run.onPlayCompleted();

    assertThat(fixture.decisions.log()).containsExactly("voicemail office");
  }
}
