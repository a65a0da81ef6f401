package io.tandem.server.eventlog;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.CheckHours;
import io.tandem.core.flow.CollectDigits;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowEvent;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.HttpLookup;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.OfferCallback;
import io.tandem.core.flow.Play;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.SetAttributes;
import io.tandem.core.flow.TransferToNumber;
import io.tandem.core.flow.Voicemail;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.BusinessHoursEvent;
import io.tandem.core.hours.Holiday;
import io.tandem.core.hours.HolidaySet;
import io.tandem.core.hours.WeeklySchedule;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.queue.ServiceLevelTarget;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.skill.SkillEvent;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.wrapup.WrapUpCode;
import io.tandem.core.wrapup.WrapUpCodeEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sample of every event type (plus a few variants: nulls, other queue actions), with values
 * that exercise every field's JSON form. Add a sample when core adds an event: {@code
 * EventCodecTest} fails until every permitted event record has one.
 */
final class EventSamples {

  static final Instant AT = Instant.parse("2026-03-02T09:15:30.123456789Z");
  static final InteractionId CALL = new InteractionId("call-1");
  static final ReservationId RESERVATION = new ReservationId("r-7");
  static final AgentId ANNA = new AgentId("anna@contoso.com");
  static final QueueId BILLING = new QueueId("billing");

  private EventSamples() {}

  /** The first sample of each type, in the codec's order of types. */
  static List<TenantEvent> all() {
    return List.of(
        // agent
        new AgentEvent.Configured(anna(), AT),
        new AgentEvent.Removed(ANNA, AT),
        new AgentEvent.LoggedIn(ANNA, AT),
        new AgentEvent.BecameReady(ANNA, AT),
        new AgentEvent.BecameNotReady(ANNA, "lunch", AT),
        new AgentEvent.LoggedOut(ANNA, AT),
        new AgentEvent.PresenceChanged(ANNA, Availability.DO_NOT_DISTURB, AT),
        // flow
        new FlowEvent.Defined(mainFlow(), AT),
        new FlowEvent.Removed("main", AT),
        // hours
        new BusinessHoursEvent.Defined(office(), AT),
        new BusinessHoursEvent.Removed("office", AT),
        // interaction
        new InteractionEvent.Arrived(
            CALL,
            Channel.VOICE,
            "+4930123456",
            "+4940999",
            Map.of("customer", "C-42", "note", "Grüße \"quoted\" \n\u0000 ✓"),
            17,
            AT),
        new InteractionEvent.VirtualAssistantStarted(CALL, "main-menu", AT),
        new InteractionEvent.AttributesChanged(CALL, Map.of("intent", "billing"), AT),
        new InteractionEvent.RequirementsChanged(
            CALL, 5, SkillExpression.parse("billing >= 3 and lang in (en, de)"), "de", AT),
        new InteractionEvent.Queued(CALL, BILLING, ANNA, AT.plusSeconds(30), AT),
        new InteractionEvent.Escalated(CALL, 2, AT),
        new InteractionEvent.PreferenceExpired(CALL, AT),
        new InteractionEvent.Offered(CALL, RESERVATION, ANNA, AT.plusSeconds(15), AT),
        new InteractionEvent.OfferTimedOut(CALL, RESERVATION, ANNA, AT),
        new InteractionEvent.OfferDeclined(CALL, RESERVATION, ANNA, AT),
        new InteractionEvent.OfferWithdrawn(CALL, RESERVATION, ANNA, "agent-not-ready", AT),
        new InteractionEvent.Connected(CALL, RESERVATION, ANNA, AT),
        new InteractionEvent.Held(CALL, AT),
        new InteractionEvent.Resumed(CALL, AT),
        new InteractionEvent.ConsultStarted(CALL, "+4930555", AT),
        new InteractionEvent.Conferenced(CALL, AT),
        new InteractionEvent.TransferStarted(CALL, "queue:sales", AT),
        new InteractionEvent.TransferFailed(CALL, "busy", AT),
        new InteractionEvent.TransferredToQueue(
            CALL, new QueueId("sales"), ANNA, AT.plusSeconds(60), AT),
        new InteractionEvent.Disconnected(
            CALL, ANNA, DisconnectedBy.CUSTOMER, AT.plusSeconds(30), AT),
        new InteractionEvent.WrapUpCompleted(CALL, ANNA, "sold", "upgrade to pro", false, AT),
        new InteractionEvent.Abandoned(CALL, AT),
        new InteractionEvent.Overflowed(
            CALL, BILLING, "max-wait", new QueueAction.ToQueue(new QueueId("overflow")), AT),
        new InteractionEvent.CallbackRequested(CALL, BILLING, "+4930123456", AT),
        new InteractionEvent.CallbackDialling(CALL, RESERVATION, ANNA, "+4930123456", 2, AT),
        new InteractionEvent.CallbackAnswered(CALL, ANNA, AT),
        new InteractionEvent.CallbackNotReached(CALL, ANNA, "busy", 2, AT.plusSeconds(300), AT),
        new InteractionEvent.CallbackRetryDue(CALL, AT),
        new InteractionEvent.VoicemailStarted(CALL, "billing-box", AT),
        new InteractionEvent.VoicemailLeft(
            CALL, "vm_0123456789abcdef01234567", Duration.ofMillis(12_500), AT),
        new InteractionEvent.Ended(CALL, "forwarded", AT),
        new InteractionEvent.Failed(CALL, "lost-on-restart", AT),
        new InteractionEvent.TranscriptAdded(
            CALL, "customer", "My invoice is wrong.", 12_500, 2_300, 873, AT),
        new InteractionEvent.RecordingChanged(CALL, "rec-42", "PAUSED", "card details", AT),
        new InteractionEvent.Summarized(
            CALL,
            "The caller talked with an agent for 3 min.",
            List.of("customer: My invoice is wrong.", "agent: I refunded it."),
            List.of("queue:billing"),
            "connected",
            "sold",
            "openai:gpt-4o-mini",
            AT),
        // queue
        new QueueEvent.Configured(billing(), AT),
        new QueueEvent.Removed(BILLING, AT),
        // skill
        new SkillEvent.Defined(new SkillDefinition("billing", "Invoices and payments"), AT),
        new SkillEvent.Removed("billing", AT),
        // wrapup
        new WrapUpCodeEvent.Defined(new WrapUpCode("sale", "Sale closed"), AT),
        new WrapUpCodeEvent.Removed("sale", AT));
  }

  /** More samples: every {@code @Nullable} component null, and every kind of queue action. */
  static List<TenantEvent> variants() {
    return List.of(
        new AgentEvent.Configured(
            new AgentProfile(ANNA, "Anna", AgentSkills.NONE, Map.of(), null), AT),
        new InteractionEvent.Arrived(CALL, Channel.CALLBACK, "", "", Map.of(), 0, AT),
        new InteractionEvent.RequirementsChanged(CALL, 0, SkillExpression.ANY, null, AT),
        new InteractionEvent.Queued(CALL, BILLING, null, null, AT),
        new InteractionEvent.TransferredToQueue(CALL, BILLING, ANNA, null, AT),
        new InteractionEvent.Disconnected(CALL, ANNA, DisconnectedBy.SYSTEM, null, AT),
        new InteractionEvent.WrapUpCompleted(CALL, ANNA, null, null, true, AT),
        new InteractionEvent.Summarized(
            CALL, "Abandoned.", List.of(), List.of(), "abandoned", null, "extractive", AT),
        new InteractionEvent.Overflowed(
            CALL, BILLING, "closed", new QueueAction.ToVoicemail("billing-box"), AT),
        new InteractionEvent.Overflowed(
            CALL, BILLING, "max-length", new QueueAction.OfferCallback(), AT),
        new InteractionEvent.Overflowed(
            CALL, BILLING, "no-agent", new QueueAction.ToNumber("+4930123456"), AT),
        new InteractionEvent.Overflowed(
            CALL, BILLING, "closed", new QueueAction.Disconnect("prompt:closed"), AT),
        new QueueEvent.Configured(QueueConfig.builder("plain").build(), Instant.EPOCH),
        new BusinessHoursEvent.Defined(BusinessHours.alwaysOpen("24x7"), AT),
        new FlowEvent.Defined(
            new Flow("empty", "Hang up", "bye", Map.of("bye", new HangUp(null, "x"))), AT));
  }

  /** Business hours with holidays closed all day and open for part of it. */
  static BusinessHours office() {
    return new BusinessHours(
        "office",
        ZoneId.of("Europe/Berlin"),
        WeeklySchedule.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 30)),
        List.of(
            new HolidaySet(
                "de",
                List.of(
                    Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day"),
                    Holiday.openOnly(
                        LocalDate.of(2026, 12, 24),
                        "Christmas Eve",
                        LocalTime.of(9, 0),
                        LocalTime.MIDNIGHT)))));
  }

  /** A flow with a node of every kind, in an order that is not alphabetical. */
  static Flow mainFlow() {
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    nodes.put("welcome", new Play(new Prompt.File("prompts/welcome.wav"), "hours"));
    nodes.put("hours", new CheckHours("office", "menu", "closed", "holiday"));
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put("2", "billing");
    choices.put("1", "account");
    nodes.put(
        "menu",
        new Menu(
            new Prompt.Text("Press 1 or 2", "en"),
            choices,
            Duration.ofSeconds(5),
            2,
            new Prompt.Text("Sorry", null),
            null,
            "callback"));
    nodes.put(
        "account",
        new CollectDigits(
            new Prompt.Text("Your account number", null),
            6,
            8,
            "#",
            Duration.ofSeconds(10),
            "[0-9]+",
            "account",
            1,
            null,
            null,
            "lookup",
            "billing"));
    nodes.put(
        "lookup",
        new HttpLookup(
            "https://crm.example.com/accounts/${account}",
            Duration.ofSeconds(2),
            Map.of("tier", "tier"),
            "billing",
            "billing"));
    nodes.put(
        "billing", new SetAttributes(Map.of("intent", "billing"), 5, "billing", "de", "queue"));
    nodes.put("queue", new RouteToQueue("billing", 10));
    nodes.put(
        "callback",
        new OfferCallback(
            new Prompt.Text("Press 1 for a callback", null),
            "1",
            Duration.ofSeconds(5),
            null,
            "voicemail",
            "bye"));
    nodes.put("voicemail", new Voicemail("billing-box", null));
    nodes.put("closed", new TransferToNumber("+4930123456"));
    nodes.put("holiday", new HangUp(new Prompt.File("prompts/holiday.wav"), "holiday"));
    nodes.put("bye", new HangUp(null, "caller-declined"));
    return new Flow("main", "Main menu", "welcome", nodes);
  }

  static AgentProfile anna() {
    return new AgentProfile(
        ANNA,
        "Anna Müller",
        AgentSkills.of(Map.of("billing", 4, "sales", 2), "de", "en", "pt-br"),
        Map.of(Channel.VOICE, 1, Channel.CALLBACK, 2),
        "6f1c2a9e-0b7d-4e43-9a55-2d1f3c4b5a69");
  }

  static QueueConfig billing() {
    return QueueConfig.builder("billing")
        .name("Billing (DE)")
        .priority(10)
        .skills("billing >= 4 and lang == de")
        .escalateAfter(Duration.ofSeconds(30), "billing >= 2")
        .escalateAfter(Duration.ofSeconds(90), "any")
        .members(List.of(ANNA, new AgentId("ben")))
        .strategy(RoutingStrategyKind.SIMULTANEOUS)
        .simultaneousOffers(3)
        .allowedAvailabilities(
            Set.copyOf(EnumSet.of(Availability.AVAILABLE, Availability.BUSY, Availability.AWAY)))
        .serviceLevel(new ServiceLevelTarget(90, Duration.ofSeconds(30)))
        .maxWait(Duration.ofMinutes(5))
        .maxLength(25)
        .overflowAction(new QueueAction.ToQueue(new QueueId("overflow")))
        .noAgentAction(new QueueAction.ToVoicemail("billing-box"))
        .businessHours("office")
        .closedAction(new QueueAction.ToNumber("+4930123456"))
        .wrapUp(Duration.ofSeconds(45))
        .ringTimeout(Duration.ofSeconds(20))
        .preferredAgentTimeout(Duration.ofSeconds(10))
        .announcements(new Announcements("prompt:jazz", Duration.ofSeconds(45), true, true))
        .build();
  }
}
