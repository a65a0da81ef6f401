package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowRunCallbackTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** Offers a callback; accepted confirms and queues the callback, declined queues the caller. */
  private static Flow callbackFlow(String numberAttribute) {
    return FlowBuilder.startingAt("offer")
        .node(
            "offer",
            new OfferCallback(
                Prompt.text("Press 1 or say yes to be called back at ${caller}."),
                "yes",
                Duration.ofSeconds(6),
                numberAttribute,
                "confirm",
                "wait"))
        .node("confirm", Nodes.play("We will call you back.", "callback-queue"))
        .node("callback-queue", route("support"))
        .node("wait", route("billing"))
        .build();
  }

  @Test
  void offer_playsTheOfferWhileListeningForTheAcceptKey() {
    fixture.started(callbackFlow(null));

    assertThat(fixture.media.lastRequest())
        .isEqualTo(
            new InputRequest.Choice(
                Prompt.text("Press 1 or say yes to be called back at +41791234567."),
                List.of("yes"),
                Duration.ofSeconds(6)));
  }

  @Test
  void offer_accepted_requestsCallbackToTheCallerThenTakesAcceptedExit() {
    FlowRun run = fixture.started(callbackFlow(null));

    run.onInput("Yes");
    run.onPlayCompleted();

    assertThat(fixture.decisions.log())
        .containsExactly("callbackRequested +41791234567", "routeToQueue support");
  }

  @Test
  void offer_acceptedWithNumberAttribute_callsBackThatNumber() {
    FlowRun run =
        fixture.run(
            callbackFlow("mobile"), Map.of("caller", "anonymous", "mobile", "+41781112233"));
    run.start();

    run.onInput("yes");

    assertThat(fixture.decisions.log()).first().isEqualTo("callbackRequested +41781112233");
  }

  @Test
  void offer_declinedWithAnotherKey_takesDeclinedExit() {
    FlowRun run = fixture.started(callbackFlow(null));

    run.onInput("2");

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }

  @Test
  void offer_unanswered_takesDeclinedExit() {
    FlowRun run = fixture.started(callbackFlow(null));

    run.onInputTimeout();

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }

  @Test
  void offer_forAnonymousCaller_isSkippedAsDeclined() {
    fixture.run(callbackFlow(null), Map.of("caller", "anonymous")).start();

    assertThat(fixture.media.log()).isEmpty();
    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }
}
