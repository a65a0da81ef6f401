package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.ordered;
import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowRunLookupTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** Looks the caller up in a CRM, keeping name and tier; queues for billing either way. */
  private static Flow crmFlow(String url) {
    return FlowBuilder.startingAt("crm")
        .node(
            "crm",
            new HttpLookup(
                url,
                Duration.ofMillis(1500),
                ordered("name", "customerName", "tier", "customerTier"),
                "known",
                "unknown"))
        .node("known", Nodes.set(Map.of("identified", "yes"), "queue"))
        .node("unknown", Nodes.set(Map.of("identified", "no"), "queue"))
        .node("queue", route("billing"))
        .build();
  }

  private static Flow crmFlow() {
    return crmFlow("https://crm.example.com/contacts?phone=${caller}");
  }

  @Test
  void lookup_startsWithResolvedUrlAndTimeout_andWaits() {
    FlowRun run = fixture.started(crmFlow());

    assertThat(fixture.lookup.requests())
        .containsExactly(
            new ScriptedDataLookup.Request(
                "https://crm.example.com/contacts?phone=%2B41791234567", Duration.ofMillis(1500)));
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_LOOKUP);
    assertThat(fixture.decisions.log()).isEmpty();
  }

  @Test
  void lookup_percentEncodesAttributeValues_soTheyCannotChangeTheUrl() {
    fixture
        .run(
            crmFlow("https://crm.example.com/contacts/${caller}"),
            Map.of("caller", "../admin?x=1&y=ä b"))
        .start();

    assertThat(fixture.lookup.requests().getFirst().url())
        .isEqualTo("https://crm.example.com/contacts/..%2Fadmin%3Fx%3D1%26y%3D%C3%A4%20b");
  }

  @Test
  void lookup_success_setsResultAttributesAndTakesNext() {
    FlowRun run = fixture.started(crmFlow());

    fixture
        .lookup
        .answering(Map.of("name", "Ada Muster", "tier", "gold", "ignored", "x"))
        .answer(run);

    assertThat(fixture.decisions.log())
        .containsExactly(
            "attributesChanged {customerName=Ada Muster, customerTier=gold}",
            "attributesChanged {identified=yes}",
            "routeToQueue billing");
    assertThat(run.attributes()).doesNotContainKey("ignored");
  }

  @Test
  void lookup_answerMissingFields_setsOnlyThoseItHas() {
    FlowRun run = fixture.started(crmFlow());

    fixture.lookup.answering(Map.of("tier", "silver")).answer(run);

    assertThat(fixture.decisions.log().getFirst())
        .isEqualTo("attributesChanged {customerTier=silver}");
    assertThat(run.attributes()).doesNotContainKey("customerName");
  }

  @Test
  void lookup_failure_takesFailedExit() {
    FlowRun run = fixture.started(crmFlow());

    fixture.lookup.failing("HTTP 500").answer(run);

    assertThat(fixture.decisions.log())
        .containsExactly("attributesChanged {identified=no}", "routeToQueue billing");
  }

  @Test
  void lookup_timeout_takesFailedExitAsFallback() {
    FlowRun run = fixture.started(crmFlow());

    fixture.lookup.timingOut().answer(run);

    assertThat(run.attributes()).containsEntry("identified", "no");
    assertThat(fixture.decisions.last()).isEqualTo("routeToQueue billing");
  }

  @Test
  void lookup_resultArrivingAfterCallerHungUp_isIgnored() {
    FlowRun run = fixture.started(crmFlow());
    run.onCallerHungUp();

    fixture.lookup.answering(Map.of("name", "Ada")).answer(run);

    assertThat(run.state()).isEqualTo(FlowRunState.FINISHED);
    assertThat(fixture.decisions.log()).isEmpty();
    assertThat(fixture.media.log()).doesNotContain("stop");
  }
}
