package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How flows end, and what they set on the way. */
class FlowRunEndingsTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  private FlowRun startedAt(String nodeId, FlowNode node) {
    return fixture.started(FlowBuilder.startingAt(nodeId).node(nodeId, node).build());
  }

  @Test
  void hangUp_withGoodbye_playsItThenHangsUp() {
    FlowRun run = startedAt("bye", new HangUp(Prompt.file("prompts/bye.wav"), "done"));

    assertThat(fixture.media.log()).containsExactly("play file:prompts/bye.wav");
    assertThat(fixture.decisions.log()).isEmpty();
    run.onPlayCompleted();

    assertThat(fixture.decisions.log()).containsExactly("hungUp done");
    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
  }

  @Test
  void hangUp_withoutGoodbye_hangsUpAtOnce() {
    FlowRun run = startedAt("bye", Nodes.hangUp("spam"));

    assertThat(fixture.decisions.log()).containsExactly("hungUp spam");
    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
  }

  @Test
  void hangUp_callerHangsUpDuringGoodbye_stopsMediaAndDecidesNothing() {
    FlowRun run = startedAt("bye", new HangUp(Prompt.text("Goodbye."), "done"));

    run.onCallerHungUp();

    assertThat(fixture.media.log()).containsExactly("play text:Goodbye.", "stop");
    assertThat(fixture.decisions.log()).isEmpty();
  }

  @Test
  void transfer_endsTheFlowWithTheNumber() {
    FlowRun run = startedAt("out", new TransferToNumber("+4915112345678"));

    assertThat(fixture.decisions.log()).containsExactly("transferToNumber +4915112345678");
    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
  }

  @Test
  void voicemail_playsGreetingThenHandsOverToTheMailbox() {
    FlowRun run = startedAt("vm", new Voicemail("sales", Prompt.text("Leave a message.")));
    run.onPlayCompleted();

    assertThat(fixture.decisions.log()).containsExactly("voicemail sales");
  }

  @Test
  void voicemail_withoutGreeting_handsOverAtOnce() {
    startedAt("vm", new Voicemail("sales", null));

    assertThat(fixture.decisions.log()).containsExactly("voicemail sales");
  }

  @Test
  void routeToQueue_withPriority_passesIt() {
    startedAt("q", new RouteToQueue("support", 80));

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue support priority=80");
  }

  @Test
  void setAttributes_resolvesPlaceholdersInValues_andLaterPromptsSpeakTheSetLanguage() {
    Flow flow =
        FlowBuilder.startingAt("set")
            .node(
                "set",
                new SetAttributes(
                    ordered("callback", "${caller}", "line", "hotline ${dialed}"),
                    null,
                    null,
                    "de",
                    "hello"))
            .node("hello", Nodes.play("Wir rufen ${callback} zurück.", "english"))
            .node("english", new Play(new Prompt.Text("Goodbye.", "en"), "queue"))
            .node("queue", Nodes.route("support"))
            .build();
    FlowRun run = fixture.started(flow);
    run.onPlayCompleted();
    run.onPlayCompleted();

    assertThat(fixture.media.log())
        .containsExactly("play text[de]:Wir rufen +41791234567 zurück.", "play text[en]:Goodbye.");
    assertThat(fixture.decisions.log())
        .containsExactly(
            "attributesChanged {callback=+41791234567, line=hotline +41445550100}",
            "languageChanged de",
            "routeToQueue support");
  }

  @Test
  void prompt_placeholderWithoutValue_readsAsNothing() {
    fixture.started(
        FlowBuilder.startingAt("p")
            .node("p", new Play(Prompt.text("Hello ${customerName}!"), "q"))
            .node("q", Nodes.route("billing"))
            .build());

    assertThat(fixture.media.log()).containsExactly("play text:Hello !");
  }

  @Test
  void run_keepsItsOwnCopyOfTheAttributesItStartedWith() {
    Map<String, String> attributes = new java.util.HashMap<>(Map.of("caller", "+41791234567"));
    FlowRun run =
        fixture.run(
            FlowBuilder.startingAt("set")
                .node("set", Nodes.set(Map.of("topic", "x"), "q"))
                .node("q", Nodes.route("billing"))
                .build(),
            attributes);
    attributes.put("caller", "changed");

    run.start();

    assertThat(run.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("caller", "+41791234567", "topic", "x"));
    assertThat(attributes).doesNotContainKey("topic");
  }

  @Test
  void run_enteringMoreThanTheStepLimitOfNodesWithoutInput_hangsUp() {
    FlowBuilder chain = FlowBuilder.startingAt("s0");
    for (int i = 0; i < FlowRun.STEP_LIMIT; i++) {
      chain.node("s" + i, Nodes.set(Map.of(), "s" + (i + 1)));
    }
    chain.node("s" + FlowRun.STEP_LIMIT, Nodes.route("billing"));
    FlowRun run = fixture.started(chain.build());

    assertThat(fixture.decisions.log()).containsExactly("hungUp " + FlowRun.STEP_LIMIT_REASON);
    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(run.currentNode()).isEqualTo("s" + (FlowRun.STEP_LIMIT - 1));
  }

  @Test
  void run_enteringExactlyTheStepLimitOfNodes_finishesNormally() {
    FlowBuilder chain = FlowBuilder.startingAt("s0");
    for (int i = 0; i < FlowRun.STEP_LIMIT - 1; i++) {
      chain.node("s" + i, Nodes.set(Map.of(), "s" + (i + 1)));
    }
    chain.node("s" + (FlowRun.STEP_LIMIT - 1), Nodes.route("billing"));
    fixture.started(chain.build());

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }
}
