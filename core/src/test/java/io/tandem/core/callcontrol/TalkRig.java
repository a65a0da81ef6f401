package io.tandem.core.callcontrol;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One call connected to agent ann in a real tenant (virtual time; ann lacks the billing skill, so a
 * caller sent to billing waits there), its {@link TalkControl} over a {@link RecordingTalkWire},
 * and the interaction's events from the moment the talk started. The tenant runs each command at
 * once on the caller's thread.
 */
final class TalkRig {

  static final CallTarget TOM = CallTarget.parse("+4930123456");
  static final QueueId BILLING = new QueueId("billing");

  final VirtualTime time = new VirtualTime(Instant.parse("2026-11-23T09:00:00Z"));
  final Tenant tenant = new Tenant(new TenantId("acme"), time, time);
  final List<TenantEvent> events = new ArrayList<>();
  final InteractionId call;
  final RecordingTalkWire wire;
  final TalkControl talk;

  TalkRig() {
    QueueId sales = new QueueId("sales");
    tenant.configureQueue(QueueConfig.builder(sales.value()).build());
    tenant.configureQueue(QueueConfig.builder(BILLING.value()).skills("billing >= 1").build());
    tenant.configureAgent(AgentProfile.voice("ann", AgentSkills.of(Map.of("general", 3), "en")));
    AgentId ann = new AgentId("ann");
    tenant.logIn(ann, true);
    call = tenant.arrive(null, Channel.VOICE, "+4930555000", "+4930999", Map.of());
    tenant.enqueue(call, sales, null);
    tenant.acceptOffer(Objects.requireNonNull(tenant.state().agent(ann).reservation()));
    tenant.addListener(events::add);
    wire = new RecordingTalkWire(call);
    talk = new TalkControl("call 1", "the wire", wire, direct(tenant));
  }

  /** The interaction's events since the talk started, by their names. */
  List<String> recorded() {
    return events.stream()
        .filter(InteractionEvent.class::isInstance)
        .map(event -> event.getClass().getSimpleName())
        .toList();
  }

  /** The interaction's state in the tenant; null once it left the agent (ended or re-queued). */
  InteractionState interaction() {
    return tenant.state().interaction(call).state();
  }

  /** Brings the talk to {@code state} the way an agent and the wire would. */
  TalkRig in(TalkState state) {
    switch (state) {
      case TALKING -> {}
      case HOLDING -> talk.request(new CallAction.Hold());
      case CONSULT_RINGING -> talk.request(new CallAction.Consult(TOM));
      case CONSULTING -> {
        talk.request(new CallAction.Consult(TOM));
        talk.consultAnswered();
      }
      case CONFERENCED -> {
        in(TalkState.CONSULTING);
        talk.request(new CallAction.Conference());
      }
      case TRANSFERRING -> talk.request(new CallAction.Transfer(TOM));
      case DONE -> talk.request(new CallAction.HangUp());
    }
    wire.operations.clear();
    events.clear();
    return this;
  }

  private static TenantAccess direct(Tenant tenant) {
    return new TenantAccess() {
      @Override
      public <T> CompletableFuture<T> ask(Function<Tenant, T> command) {
        try {
          return CompletableFuture.completedFuture(command.apply(tenant));
        } catch (RuntimeException refused) {
          return CompletableFuture.failedFuture(refused);
        }
      }
    };
  }
}
