package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.hangUp;
import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlowRunCollectDigitsTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** Collects a 4-6 digit PIN starting with 1-9 into {@code pin}, with one retry. */
  private static Flow pinFlow(String terminator, String pattern) {
    return FlowBuilder.startingAt("pin")
        .node(
            "pin",
            new CollectDigits(
                Prompt.text("Your PIN, please."),
                4,
                6,
                terminator,
                Duration.ofSeconds(8),
                pattern,
                "pin",
                1,
                Prompt.text("That PIN is not valid."),
                Prompt.text("I did not hear your PIN."),
                "queue",
                "gave-up"))
        .node("queue", route("billing"))
        .node("gave-up", hangUp("no-pin"))
        .build();
  }

  private static Flow pinFlow() {
    return pinFlow("#", "[1-9][0-9]*");
  }

  @Test
  void collect_asksTheMediaEngineForLengthsTerminatorAndTimeout() {
    fixture.started(pinFlow());

    assertThat(fixture.media.lastRequest())
        .isEqualTo(
            new InputRequest.Digits(
                Prompt.text("Your PIN, please."), 4, 6, "#", Duration.ofSeconds(8)));
  }

  @Test
  void collect_digitsEndedByTerminator_areStoredWithoutIt() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("4711#");

    assertThat(run.attributes()).containsEntry("pin", "4711");
    assertThat(fixture.decisions.log())
        .containsExactly("attributesChanged {pin=4711}", "routeToQueue billing");
  }

  @Test
  void collect_digitsReportedWithoutTerminator_areAcceptedToo() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("123456");

    assertThat(run.attributes()).containsEntry("pin", "123456");
  }

  @Test
  void collect_tooShort_playsInvalidPromptAndAsksAgain() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("12#");

    assertThat(fixture.media.log().getLast()).isEqualTo("play text:That PIN is not valid.");
    run.onPlayCompleted();
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_INPUT);
    assertThat(run.attributes()).doesNotContainKey("pin");
  }

  @Test
  void collect_tooLong_isRejected() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("1234567");

    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_PLAY);
    assertThat(run.attributes()).doesNotContainKey("pin");
  }

  @Test
  void collect_patternMismatch_isRejected() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("0123#");

    assertThat(fixture.media.log().getLast()).isEqualTo("play text:That PIN is not valid.");
  }

  @Test
  void collect_starsAmongDigits_areRejected() {
    FlowRun run = fixture.started(pinFlow(null, null));

    run.onInput("12*4");

    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_PLAY);
  }

  @Test
  void collect_wrongDigitsTwice_takesNoInputExit() {
    FlowRun run = fixture.started(pinFlow());

    run.onInput("12#");
    run.onPlayCompleted();
    run.onInput("0000#");

    assertThat(fixture.decisions.log()).containsExactly("hungUp no-pin");
  }

  @Test
  void collect_timeoutThenValidDigits_playsTimeoutPromptThenContinues() {
    FlowRun run = fixture.started(pinFlow());

    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInput("98765#");

    assertThat(fixture.media.log())
        .containsExactly(
            "collect digits 4-6 until # text:Your PIN, please.",
            "play text:I did not hear your PIN.",
            "collect digits 4-6 until # text:Your PIN, please.");
    assertThat(fixture.decisions.log())
        .containsExactly("attributesChanged {pin=98765}", "routeToQueue billing");
  }
}
