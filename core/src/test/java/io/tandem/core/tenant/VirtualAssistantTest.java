package io.tandem.core.tenant;

import static io.tandem.core.tenant.TenantDriver.skills;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.InvalidFlowException;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.OfferCallback;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.SetAttributes;
import io.tandem.core.flow.TransferToNumber;
import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A virtual-assistant flow run for a tenant's interaction, its decisions carried out by the tenant.
 */
class VirtualAssistantTest {

  private final TenantDriver cc = new TenantDriver();
  private final ScriptedCallerMedia media = new ScriptedCallerMedia();
  private ValidatedFlow mainMenu;

  @BeforeEach
  void setUp() {
    cc.queue(QueueConfig.builder("billing").skills("billing >= 1").build());
    cc.queue(QueueConfig.builder("support").build());
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    nodes.put(
        "menu",
        new Menu(
            Prompt.text("For billing press 1, for support 2, for our German team 3, 9 to leave"),
            Map.of("1", "billing", "2", "callback", "3", "german", "9", "forward"),
            Duration.ofSeconds(5),
            2,
            null,
            null,
            "goodbye"));
    nodes.put("billing", new RouteToQueue("billing", 10));
    nodes.put(
        "callback",
        new OfferCallback(
            Prompt.text("Press 1 to be called back"),
            "1",
            Duration.ofSeconds(5),
            null,
            "support",
            "support"));
    nodes.put("support", new RouteToQueue("support", null));
    nodes.put(
        "german",
        new SetAttributes(Map.of("segment", "de"), null, "billing >= 1", "de", "billing"));
    nodes.put("forward", new TransferToNumber("+4930123456"));
    nodes.put("goodbye", new HangUp(Prompt.text("Goodbye"), "no-input"));
    mainMenu =
        FlowValidator.validate(
            new Flow("main", "Main menu", "menu", nodes), cc.tenant.flowCatalog());
  }

  private InteractionId callIntoFlow() {
    InteractionId id = cc.tenant.arrive(null, Channel.VOICE, "+4917099999", "+4930999", Map.of());
    cc.tenant.startVirtualAssistant(id, mainMenu, media, media);
    return id;
  }

  @Test
  void menuChoice_routesToTheQueueWithTheFlowsPriority() {
    AgentId biller = cc.readyAgent("biller", skills("billing", 3));
    InteractionId call = callIntoFlow();
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.IN_VIRTUAL_ASSISTANT);

    cc.tenant.virtualAssistantOf(call).onInput("1");

    assertThat(cc.offeredTo(biller)).isEqualTo(call);
    assertThat(cc.tenant.state().interaction(call).priority()).isEqualTo(10);
    assertThat(cc.tenant.virtualAssistantOf(call)).isNull();
  }

  @Test
  void flowSetsLanguageAndSkills_onlyAGermanSpeakingBillerGetsTheCall() {
    cc.readyAgent("english", skills("billing", 5), "en");
    AgentId german = cc.readyAgent("german", skills("billing", 2), "de");
    InteractionId call = callIntoFlow();

    cc.tenant.virtualAssistantOf(call).onInput("3");

    assertThat(cc.offeredTo(german)).isEqualTo(call);
    assertThat(cc.tenant.state().interaction(call).attributes()).containsEntry("segment", "de");
  }

  @Test
  void acceptedCallbackOffer_waitsInTheQueueAsACallback() {
    InteractionId call = callIntoFlow();
    cc.tenant.virtualAssistantOf(call).onInput("2");

    cc.tenant.virtualAssistantOf(call).onInput("1");

    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.CALLBACK_REQUESTED);
    assertThat(cc.tenant.state().interaction(call).callbackNumber()).isEqualTo("+4917099999");
  }

  @Test
  void transferNode_forwardsTheCallAndEndsTheInteraction() {
    InteractionId call = callIntoFlow();

    cc.tenant.virtualAssistantOf(call).onInput("9");

    assertThat(cc.eventsOf(InteractionEvent.Ended.class))
        .extracting(InteractionEvent.Ended::reason)
        .containsExactly("forwarded:+4930123456");
  }

  @Test
  void noInput_hangsUpThroughTheFlow() {
    InteractionId call = callIntoFlow();
    for (int i = 0; i < 3; i++) {
      cc.tenant.virtualAssistantOf(call).onInputTimeout();
    }
    cc.tenant.virtualAssistantOf(call).onPlayCompleted();

    assertThat(cc.eventsOf(InteractionEvent.Ended.class))
        .extracting(InteractionEvent.Ended::reason)
        .containsExactly("flow:no-input");
  }

  @Test
  void callerHangsUpDuringTheFlow_mediaStopsAndTheCallIsAbandoned() {
    InteractionId call = callIntoFlow();

    cc.tenant.customerHungUp(call);

    assertThat(media.stopped).isTrue();
    assertThat(cc.stateOf(call)).isEqualTo(InteractionState.ABANDONED);
    assertThat(cc.tenant.virtualAssistantOf(call)).isNull();
  }

  @Test
  void flowNamingAnUnknownQueue_isRejectedWhenLoaded() {
    Map<String, FlowNode> nodes = Map.of("start", new RouteToQueue("nowhere", null));

    assertThatThrownBy(
            () ->
                FlowValidator.validate(
                    new Flow("bad", "Bad", "start", nodes), cc.tenant.flowCatalog()))
        .isInstanceOf(InvalidFlowException.class)
        .hasMessageContaining("nowhere");
  }
}
