package io.tandem.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueId;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.Scenario;
import io.tandem.simulator.ScenarioFile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoFileTest {

  private static final String TEXT = DemoFiles.shippedText();

  @Test
  void shippedDemo_loads_twentyAgentsWithMixedSkillsThreeQueuesAndAMenu() {
    DemoDefinition demo = DemoFiles.shipped();

    assertThat(demo.tenant().agentCount()).isEqualTo(20);
    assertThat(demo.tenant().agents())
        .flatExtracting(group -> group.skills().languages())
        .contains("en", "de", "fr");
    assertThat(demo.tenant().queues())
        .extracting(queue -> queue.queue().id().value())
        .containsExactly("billing", "support", "sales");
    assertThat(demo.tenant().queues())
        .allSatisfy(
            queue -> {
              assertThat(queue.queue().stages()).hasSizeGreaterThan(1);
              assertThat(queue.queue().wrapUp()).isPositive();
              assertThat(queue.queue().maxWait()).isNotNull();
              assertThat(queue.patience()).isNotNull();
            });
    assertThat(demo.queue(new QueueId("billing")).queue().overflowAction())
        .isEqualTo(new QueueAction.ToQueue(new QueueId("support")));
    assertThat(demo.entryMenu().choices())
        .isEqualTo(
            Map.of(
                "1", new QueueId("billing"),
                "2", new QueueId("support"),
                "3", new QueueId("sales")));
    assertThat(demo.entryMenu().noInput()).isEqualTo(new QueueId("support"));
    assertThat(demo.callers().promptLength()).isEqualTo(Duration.ofSeconds(4));
    assertThat(demo.agents().wrapUpCodes().get(new QueueId("sales")))
        .containsExactly("sale", "quote-sent", "no-sale");
    assertThat(demo.agents().breaks()).isNotNull();
  }

  @Test
  void shippedDemo_firstDocument_isAScenarioTheSimulatorReads() {
    Scenario scenario = ScenarioFile.parse(TEXT, "demo-tenant.yaml", "demo");

    assertThat(scenario.queues()).extracting(QueueScenario::queue).hasSize(3);
    assertThat(scenario.agents()).extracting(AgentGroup::count).contains(4, 3, 5, 2, 3, 1, 2);
  }

  @Test
  void unknownKey_inTheSecondDocument_isNamedWithItsLine() {
    String broken = TEXT.replace("    timeout: 6s", "    timout: 6s");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .isInstanceOf(InvalidDemoFileException.class)
        .hasMessageContaining("broken.yaml: invalid demo file (1 problem)")
        .hasMessageContaining("line " + lineOf(broken, "timout") + ": virtualAssistant.menu.timout")
        .hasMessageContaining("is not a known key; known keys: choices, noInput, prompt");
  }

  @Test
  void unknownKey_inTheTenant_isNamedByTheSimulatorsReader() {
    String broken = TEXT.replaceFirst("wrapUp: 45s", "wrapUpp: 45s");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .isInstanceOf(InvalidDemoFileException.class)
        .hasMessageContaining(
            "line " + lineOf(broken, "wrapUpp") + ": queues[0].wrapUpp is not a known key");
  }

  @Test
  void menuKey_leadingToAnUnknownQueue_isNamed() {
    String broken = TEXT.replace("\"3\": sales}", "\"3\": sale}");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining(
            "virtualAssistant.menu.choices.3 names unknown queue 'sale'; the queues are billing,"
                + " support, sales");
  }

  @Test
  void badValues_inTheSecondDocument_areAllNamed() {
    String broken =
        TEXT.replace("silentShare: 0.05", "silentShare: 1.5")
            .replace("promptLength: 4s", "promptLength: 4");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining("(2 problems)")
        .hasMessageContaining(
            "line "
                + lineOf(broken, "silentShare")
                + ": callers.silentShare must be between 0 and 1, got 1.5")
        .hasMessageContaining(
            "line "
                + lineOf(broken, "promptLength")
                + ": callers.promptLength must be a duration such as");
  }

  @Test
  void wrapUpCodes_ofAnUnknownQueue_areNamed() {
    String broken = TEXT.replace("billing: [invoice", "billng: [invoice");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining(
            "line "
                + lineOf(broken, "billng")
                + ": agents.wrapUpCodes.billng names unknown queue 'billng'");
  }

  @Test
  void queueWithCallers_thatNoMenuKeyReaches_isNamed() {
    String broken = TEXT.replace("\"3\": sales}", "\"3\": billing}");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining(
            "queues[2].arrivals has callers, but no key of virtualAssistant.menu.choices leads to"
                + " queue 'sales'");
  }

  @Test
  void wrongType_isNamedWithItsLine() {
    String broken = TEXT.replace("retries: 1", "retries: often");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining(
            "line "
                + lineOf(broken, "retries: often")
                + ": virtualAssistant.menu.retries is not valid");
  }

  @Test
  void fileWithOneDocument_saysTheSecondIsMissing() {
    String tenantOnly = TEXT.substring(0, TEXT.indexOf("\n---\n"));

    assertThatThrownBy(() -> DemoFile.parse(tenantOnly, "one.yaml"))
        .hasMessageContaining("must hold two YAML documents separated by a line '---'");
  }

  @Test
  void emptySecondDocument_saysSo() {
    String tenantOnly = TEXT.substring(0, TEXT.indexOf("\n---\n")) + "\n---\n# nothing\n";

    assertThatThrownBy(() -> DemoFile.parse(tenantOnly, "empty.yaml"))
        .hasMessageContaining("the second document is empty");
  }

  @Test
  void keyPressedAfterTheMenuTimesOut_isRejected() {
    String broken =
        TEXT.replace("pressAfter: {min: 1s, max: 5s}", "pressAfter: {min: 1s, max: 9s}");

    assertThatThrownBy(() -> DemoFile.parse(broken, "broken.yaml"))
        .hasMessageContaining(
            "line "
                + lineOf(broken, "pressAfter")
                + ": callers.pressAfter.max must be below virtualAssistant.menu.timeout");
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }
}
