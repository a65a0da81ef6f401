package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.CheckHours;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.InvalidFlowException;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.SetAttributes;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.Holiday;
import io.tandem.core.hours.HolidaySet;
import io.tandem.core.hours.WeeklySchedule;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.wrapup.WrapUpCode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Business hours, skills, flows and wrap-up codes: defined by events, kept across a restart. */
class CatalogTest {

  private final TenantDriver cc = new TenantDriver();

  static BusinessHours office() {
    return new BusinessHours(
        "office",
        ZoneId.of("Europe/Berlin"),
        WeeklySchedule.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)),
        List.of(
            new HolidaySet(
                "de",
                List.of(
                    Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day"),
                    Holiday.openOnly(
                        LocalDate.of(2026, 12, 24),
                        "Christmas Eve",
                        LocalTime.of(9, 0),
                        LocalTime.of(12, 0))))));
  }

  static Flow mainFlow() {
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    nodes.put("hours", new CheckHours("office", "skills", "bye", null));
    nodes.put("skills", new SetAttributes(Map.of(), null, "billing >= 2", null, "queue"));
    nodes.put("queue", new RouteToQueue("billing", null));
    nodes.put("bye", new HangUp(null, "closed"));
    return new Flow("main", "Main", "hours", nodes);
  }

  private void defineAll() {
    cc.tenant.defineBusinessHours(office());
    cc.tenant.defineSkill(new SkillDefinition("billing", "Invoices and payments"));
    cc.queue(QueueConfig.builder("billing").businessHours("office").build());
    cc.tenant.defineFlow(mainFlow());
    cc.tenant.defineWrapUpCode(new WrapUpCode("sale", "Sale closed"));
    cc.tenant.defineWrapUpCode(new WrapUpCode("no-sale", "No sale"));
  }

  @Test
  void replay_restoresHoursSkillsFlowsAndWrapUpCodes() {
    defineAll();
    cc.tenant.defineWrapUpCode(new WrapUpCode("sale", "Sale!"));

    Tenant after = new Tenant(cc.tenant.id(), cc.time, cc.time);
    after.recover(List.copyOf(cc.events));

    assertThat(after.state().snapshot()).isEqualTo(cc.tenant.state().snapshot());
    assertThat(after.businessHours("office")).isEqualTo(office());
    assertThat(after.catalog().skill("billing").description()).isEqualTo("Invoices and payments");
    assertThat(after.flow("main").flow()).isEqualTo(mainFlow());
    assertThat(after.catalog().wrapUpCodes())
        .containsExactly(new WrapUpCode("sale", "Sale!"), new WrapUpCode("no-sale", "No sale"));
  }

  @Test
  void removals_areEventsToo() {
    defineAll();
    cc.tenant.removeFlow("main");
    cc.tenant.removeWrapUpCode("sale");
    cc.tenant.removeSkill("billing");

    Tenant after = new Tenant(cc.tenant.id(), cc.time, cc.time);
    after.recover(List.copyOf(cc.events));

    assertThat(after.catalog().flows()).isEmpty();
    assertThat(after.catalog().skills()).isEmpty();
    assertThat(after.catalog().wrapUpCodes())
        .extracting(WrapUpCode::code)
        .containsExactly("no-sale");
  }

  @Test
  void removeBusinessHours_usedByAQueue_isRefused() {
    defineAll();
    cc.tenant.removeFlow("main");

    assertThatThrownBy(() -> cc.tenant.removeBusinessHours("office"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("queue billing");
  }

  @Test
  void removalsThatBreakAFlow_areRefused() {
    defineAll();

    assertThatThrownBy(() -> cc.tenant.removeQueue(new QueueId("billing")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("flow main");
    assertThatThrownBy(() -> cc.tenant.removeSkill("billing"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("flow main");
    assertThat(cc.tenant.catalog().skill("billing")).isNotNull();
  }

  @Test
  void removeSkill_thatAnAgentHas_keepsTheFlowValid() {
    defineAll();
    cc.agent("ann", Map.of("billing", 3));

    cc.tenant.removeSkill("billing");

    assertThat(cc.tenant.flow("main")).isNotNull();
  }

  @Test
  void defineFlow_namingUnknownThings_isRefusedWithEveryProblem() {
    Flow flow = mainFlow();

    assertThatThrownBy(() -> cc.tenant.defineFlow(flow))
        .isInstanceOf(InvalidFlowException.class)
        .satisfies(e -> assertThat(((InvalidFlowException) e).problems()).hasSize(3));
    assertThat(cc.tenant.catalog().flows()).isEmpty();
  }

  @Test
  void completeWrapUp_withACodeNotInTheList_isRefused() {
    cc.tenant.defineWrapUpCode(new WrapUpCode("sale", "Sale closed"));
    QueueId q = cc.queue(QueueConfig.builder("q").wrapUp(java.time.Duration.ofMinutes(1)).build());
    AgentId ann = cc.readyAgent("ann");
    cc.call(q);
    cc.answer(ann);
    cc.tenant.agentHungUp(cc.tenant.state().agent(ann).interaction());

    assertThatThrownBy(() -> cc.tenant.completeWrapUp(ann, "other", null))
        .isInstanceOf(IllegalArgumentException.class);
    cc.tenant.completeWrapUp(ann, "sale", "ok");
  }

  @Test
  void unknownNames_areIllegalArguments() {
    assertThatThrownBy(() -> cc.tenant.removeBusinessHours("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cc.tenant.removeSkill("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cc.tenant.removeFlow("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cc.tenant.removeWrapUpCode("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WrapUpCode("has space", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SkillDefinition("Billing", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removeQueues_thatOverflowToEachOther_goTogether_butNotOneByOne() {
    cc.tenant.configureQueues(
        List.of(
            QueueConfig.builder("a")
                .overflowAction(new io.tandem.core.queue.QueueAction.ToQueue(new QueueId("b")))
                .build(),
            QueueConfig.builder("b")
                .overflowAction(new io.tandem.core.queue.QueueAction.ToQueue(new QueueId("a")))
                .build()));

    assertThatThrownBy(() -> cc.tenant.removeQueue(new QueueId("a")))
        .isInstanceOf(IllegalTransitionException.class);
    cc.tenant.removeQueues(List.of(new QueueId("a"), new QueueId("b")));

    assertThat(cc.tenant.state().queues()).isEmpty();
  }
}
