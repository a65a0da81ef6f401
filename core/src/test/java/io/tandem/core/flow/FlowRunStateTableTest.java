package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.ordered;
import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.flow.FlowRunState.Reaction;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every cell of the {@link FlowRunState} table: each state, with a real run brought into it,
 * receives each signal.
 */
class FlowRunStateTableTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** Plays, asks for 1, looks up, and queues: it passes through every waiting state. */
  private static final Flow EVERY_WAIT =
      FlowBuilder.startingAt("hello")
          .node("hello", Nodes.play("Hello.", "menu"))
          .node("menu", Nodes.menu("Press 1.", ordered("1", "crm"), "done"))
          .node(
              "crm",
              new HttpLookup(
                  "https://crm.example.com/x", Duration.ofSeconds(1), Map.of(), "done", "done"))
          .node("done", route("billing"))
          .build();

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      textBlock =
          """
          READY,           START,          HANDLE
          READY,           PLAY_COMPLETED, REJECT
          READY,           INPUT,          REJECT
          READY,           INPUT_TIMEOUT,  REJECT
          READY,           LOOKUP_RESULT,  REJECT
          READY,           LOOKUP_FAILED,  REJECT
          READY,           CALLER_HUNG_UP, HANDLE
          RUNNING,         START,          REJECT
          RUNNING,         PLAY_COMPLETED, REJECT
          RUNNING,         INPUT,          REJECT
          RUNNING,         INPUT_TIMEOUT,  REJECT
          RUNNING,         LOOKUP_RESULT,  REJECT
          RUNNING,         LOOKUP_FAILED,  REJECT
          RUNNING,         CALLER_HUNG_UP, REJECT
          AWAITING_PLAY,   START,          REJECT
          AWAITING_PLAY,   PLAY_COMPLETED, HANDLE
          AWAITING_PLAY,   INPUT,          REJECT
          AWAITING_PLAY,   INPUT_TIMEOUT,  REJECT
          AWAITING_PLAY,   LOOKUP_RESULT,  REJECT
          AWAITING_PLAY,   LOOKUP_FAILED,  REJECT
          AWAITING_PLAY,   CALLER_HUNG_UP, HANDLE
          AWAITING_INPUT,  START,          REJECT
          AWAITING_INPUT,  PLAY_COMPLETED, REJECT
          AWAITING_INPUT,  INPUT,          HANDLE
          AWAITING_INPUT,  INPUT_TIMEOUT,  HANDLE
          AWAITING_INPUT,  LOOKUP_RESULT,  REJECT
          AWAITING_INPUT,  LOOKUP_FAILED,  REJECT
          AWAITING_INPUT,  CALLER_HUNG_UP, HANDLE
          AWAITING_LOOKUP, START,          REJECT
          AWAITING_LOOKUP, PLAY_COMPLETED, REJECT
          AWAITING_LOOKUP, INPUT,          REJECT
          AWAITING_LOOKUP, INPUT_TIMEOUT,  REJECT
          AWAITING_LOOKUP, LOOKUP_RESULT,  HANDLE
          AWAITING_LOOKUP, LOOKUP_FAILED,  HANDLE
          AWAITING_LOOKUP, CALLER_HUNG_UP, HANDLE
          FINISHED,        START,          REJECT
          FINISHED,        PLAY_COMPLETED, IGNORE
          FINISHED,        INPUT,          IGNORE
          FINISHED,        INPUT_TIMEOUT,  IGNORE
          FINISHED,        LOOKUP_RESULT,  IGNORE
          FINISHED,        LOOKUP_FAILED,  IGNORE
          FINISHED,        CALLER_HUNG_UP, IGNORE
          """)
  void everyStateAndSignal_reactsAsTheTableSays(
      FlowRunState state, FlowSignal signal, Reaction reaction) {
    assertThat(state.reactionTo(signal)).isEqualTo(reaction);
    if (state == FlowRunState.RUNNING) {
      assertThat(reaction).isEqualTo(Reaction.REJECT);
      assertThatThrownBy(() -> startCallingBackWith(signal))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("RUNNING and cannot take " + signal);
      return;
    }

    FlowRun run = runIn(state);
    List<String> mediaBefore = fixture.media.log();
    List<String> decisionsBefore = fixture.decisions.log();
    switch (reaction) {
      case HANDLE -> {
        deliver(signal, run);
        assertThat(run.state()).isNotIn(state, FlowRunState.RUNNING);
      }
      case IGNORE -> {
        deliver(signal, run);
        assertThat(run.state()).isEqualTo(state);
        assertThat(fixture.media.log()).isEqualTo(mediaBefore);
        assertThat(fixture.decisions.log()).isEqualTo(decisionsBefore);
      }
      case REJECT ->
          assertThatThrownBy(() -> deliver(signal, run))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining(state + " and cannot take " + signal);
    }
  }

  @Test
  void playCompleted_whileAwaitingInput_throwsNamingFlowNodeStateAndSignal() {
    FlowRun run = runIn(FlowRunState.AWAITING_INPUT);

    assertThatThrownBy(run::onPlayCompleted)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "flow run of 'test' at node 'menu' is AWAITING_INPUT and cannot take PLAY_COMPLETED");
  }

  @Test
  void playCompleted_afterCallerHungUp_isIgnoredAsStale() {
    FlowRun run = fixture.started(EVERY_WAIT);
    run.onCallerHungUp();

    run.onPlayCompleted();

    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(fixture.media.log()).containsExactly("play text:Hello.", "stop");
    assertThat(fixture.decisions.log()).isEmpty();
  }

  @Test
  void callerHungUp_beforeTheFlowStarted_finishesWithoutTouchingMedia() {
    FlowRun run = fixture.run(EVERY_WAIT);

    run.onCallerHungUp();

    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(fixture.media.log()).isEmpty();
  }

  /** A run of {@link #EVERY_WAIT} brought into {@code state} by the signals that lead there. */
  private FlowRun runIn(FlowRunState state) {
    FlowRun run = fixture.run(EVERY_WAIT);
    List<Consumer<FlowRun>> steps =
        List.of(
            FlowRun::start,
            FlowRun::onPlayCompleted,
            r -> r.onInput("1"),
            r -> r.onLookupFailed("down"));
    List<FlowRunState> reached =
        List.of(
            FlowRunState.READY,
            FlowRunState.AWAITING_PLAY,
            FlowRunState.AWAITING_INPUT,
            FlowRunState.AWAITING_LOOKUP,
            FlowRunState.FINISHED);
    for (int i = 0; reached.get(i) != state; i++) {
      steps.get(i).accept(run);
    }
    assertThat(run.state()).isEqualTo(state);
    return run;
  }

  /**
   * Starts a run whose decisions port, told of an attribute while the run is RUNNING, delivers
   * {@code signal} from inside that call, as a port that wrongly calls back instead of posting to
   * the mailbox would.
   */
  private void startCallingBackWith(FlowSignal signal) {
    Flow flow =
        FlowBuilder.startingAt("set")
            .node("set", Nodes.set(Map.of("topic", "x"), "done"))
            .node("done", route("billing"))
            .build();
    CallingBackFlowDecisions decisions = new CallingBackFlowDecisions(run -> deliver(signal, run));
    FlowRun run =
        new FlowRun(
            FlowValidator.validate(flow, fixture.catalog),
            Map.of(),
            fixture.media,
            fixture.lookup,
            decisions,
            Clock.fixed(FlowRunFixture.MONDAY_MORNING, FlowRunFixture.ZURICH));
    decisions.callBackInto(run);
    run.start();
  }

  private static void deliver(FlowSignal signal, FlowRun run) {
    switch (signal) {
      case START -> run.start();
      case PLAY_COMPLETED -> run.onPlayCompleted();
      case INPUT -> run.onInput("1");
      case INPUT_TIMEOUT -> run.onInputTimeout();
      case LOOKUP_RESULT -> run.onLookupResult(Map.of());
      case LOOKUP_FAILED -> run.onLookupFailed("down");
      case CALLER_HUNG_UP -> run.onCallerHungUp();
    }
  }
}
