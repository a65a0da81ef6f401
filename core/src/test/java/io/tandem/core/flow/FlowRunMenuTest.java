package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.hangUp;
import static io.tandem.core.flow.Nodes.ordered;
import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlowRunMenuTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** A menu with one retry: billing on 1 or "talk to billing", support on 2. */
  private static Flow menuWithOneRetry(Prompt invalidPrompt, Prompt timeoutPrompt) {
    return FlowBuilder.startingAt("menu")
        .node(
            "menu",
            new Menu(
                Prompt.text("Press 1 for billing, 2 for support."),
                ordered("1", "billing", "Talk to  Billing", "billing", "2", "support"),
                Duration.ofSeconds(4),
                1,
                invalidPrompt,
                timeoutPrompt,
                "gave-up"))
        .node("billing", route("billing"))
        .node("support", route("support"))
        .node("gave-up", hangUp("no-input"))
        .build();
  }

  private static Flow menuWithOneRetry() {
    return menuWithOneRetry(Nodes.INVALID, Nodes.SILENCE);
  }

  @Test
  void menu_validKey_takesItsChoice() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInput("2");

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue support");
    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
  }

  @Test
  void menu_spokenPhrase_matchesIgnoringCaseAndSpaces() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInput(" talk to billing ");

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }

  @Test
  void menu_asksTheMediaEngineForItsKeysAndPhrasesWithItsTimeout() {
    fixture.started(menuWithOneRetry());

    assertThat(fixture.media.lastRequest())
        .isEqualTo(
            new InputRequest.Choice(
                Prompt.text("Press 1 for billing, 2 for support."),
                java.util.List.of("1", "Talk to  Billing", "2"),
                Duration.ofSeconds(4)));
  }

  @Test
  void menu_invalidChoice_playsInvalidPromptAndAsksAgain() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInput("9");
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_PLAY);
    run.onPlayCompleted();
    run.onInput("1");

    assertThat(fixture.media.log())
        .containsExactly(
            "collect choice [1, Talk to  Billing, 2] text:Press 1 for billing, 2 for support.",
            "play text:Sorry, that is not an option.",
            "collect choice [1, Talk to  Billing, 2] text:Press 1 for billing, 2 for support.");
    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }

  @Test
  void menu_invalidChoiceTwice_takesNoInputExit() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInput("9");
    run.onPlayCompleted();
    run.onInput("#");

    assertThat(fixture.decisions.log()).containsExactly("hungUp no-input");
    assertThat(fixture.media.log()).filteredOn(line -> line.startsWith("play")).hasSize(1);
  }

  @Test
  void menu_timeoutTwice_playsTimeoutPromptOnceThenTakesNoInputExit() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInputTimeout();

    assertThat(fixture.media.log())
        .containsExactly(
            "collect choice [1, Talk to  Billing, 2] text:Press 1 for billing, 2 for support.",
            "play text:Sorry, I did not hear you.",
            "collect choice [1, Talk to  Billing, 2] text:Press 1 for billing, 2 for support.");
    assertThat(fixture.decisions.log()).containsExactly("hungUp no-input");
  }

  @Test
  void menu_invalidThenTimeout_countsBothAgainstItsRetries() {
    FlowRun run = fixture.started(menuWithOneRetry());

    run.onInput("9");
    run.onPlayCompleted();
    run.onInputTimeout();

    assertThat(fixture.decisions.log()).containsExactly("hungUp no-input");
  }

  @Test
  void menu_withoutRetryPrompts_asksAgainAtOnce() {
    FlowRun run = fixture.started(menuWithOneRetry(null, null));

    run.onInput("9");

    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_INPUT);
    assertThat(fixture.media.log()).hasSize(2).allMatch(line -> line.startsWith("collect"));
  }

  @Test
  void menu_reachedAgainAfterGivingUp_startsWithFreshRetries() {
    Flow flow =
        FlowBuilder.startingAt("menu")
            .node(
                "menu",
                new Menu(
                    Prompt.text("Press 1."),
                    ordered("1", "done"),
                    Nodes.TIMEOUT,
                    0,
                    null,
                    null,
                    "sorry"))
            .node("sorry", Nodes.play("Let us try again.", "menu"))
            .node("done", route("billing"))
            .build();
    FlowRun run = fixture.started(flow);

    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInputTimeout();
    run.onPlayCompleted();
    run.onInput("1");

    assertThat(fixture.media.log())
        .containsExactly(
            "collect choice [1] text:Press 1.",
            "play text:Let us try again.",
            "collect choice [1] text:Press 1.",
            "play text:Let us try again.",
            "collect choice [1] text:Press 1.");
    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }
}
