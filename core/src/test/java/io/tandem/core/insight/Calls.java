package io.tandem.core.insight;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real tenant in virtual time with one agent ({@code anna}) and one queue ({@code billing}, one
 * minute of wrap-up), recording every event, to drive calls for insight tests.
 */
final class Calls {

  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  static final AgentId ANNA = new AgentId("anna");
  static final QueueId BILLING = new QueueId("billing");

  final VirtualTime time = new VirtualTime(START);
  final Tenant tenant = new Tenant(new TenantId("acme"), time, time);
  final List<TenantEvent> events = new ArrayList<>();

  Calls() {
    tenant.addListener(events::add);
    tenant.configureQueue(QueueConfig.builder("billing").wrapUp(Duration.ofMinutes(1)).build());
    tenant.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
  }

  /** A caller goes through an external virtual assistant that sets attributes, then queues. */
  InteractionId queuedCall(String id, Map<String, String> gathered) {
    InteractionId call =
        tenant.arrive(new InteractionId(id), Channel.VOICE, "+4930111", "+4930999", Map.of());
    tenant.startVirtualAssistant(call, "entry");
    tenant.setAttributes(call, gathered);
    tenant.enqueue(call, BILLING, null);
    return call;
  }

  /** Anna logs in ready and answers what she is offered. */
  void annaAnswers() {
    tenant.logIn(ANNA, true);
    tenant.acceptOffer(tenant.state().agent(ANNA).reservation());
  }

  void advance(Duration step) {
    time.advance(step);
  }

  /** The events about {@code call}, in order. */
  List<InteractionEvent> timeline(InteractionId call) {
    return events.stream()
        .filter(e -> e instanceof InteractionEvent i && i.interaction().equals(call))
        .map(InteractionEvent.class::cast)
        .toList();
  }
}
