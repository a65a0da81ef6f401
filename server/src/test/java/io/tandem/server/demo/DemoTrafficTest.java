package io.tandem.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import io.tandem.server.eventlog.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The demo traffic on a plain tenant in virtual time: an hour of the demo runs in milliseconds. */
class DemoTrafficTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final DemoDefinition DEMO = DemoFiles.shipped();

  /** A tenant in virtual time with every event it emits, and the demo's commands run at once. */
  private static final class VirtualTenant {
    final VirtualTime time;
    final Tenant tenant;
    final List<TenantEvent> events = new ArrayList<>();

    VirtualTenant(Instant start) {
      time = new VirtualTime(start);
      tenant = new Tenant(new TenantId("demo"), time, time);
      tenant.addListener(events::add);
    }

    /** Runs each command at once on the test's thread, which is the tenant's writer here. */
    CompletableFuture<Void> tell(java.util.function.Consumer<Tenant> command) {
      try {
        command.accept(tenant);
        return CompletableFuture.completedFuture(null);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    DemoTraffic demo() {
      return new DemoTraffic(DEMO, this::tell, time, time, 1.0);
    }

    <T> List<T> events(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @Test
  void demo_runsOneHour_callersAnsweredAbandonedAndWrappedUp() {
    VirtualTenant demo = new VirtualTenant(START);
    DemoTraffic traffic = demo.demo();

    DemoTraffic.Started started = traffic.start().join();
    demo.time.advance(Duration.ofHours(1));

    assertThat(started.agentsLoggedIn()).isEqualTo(20);
    assertThat(started.callsPerHour()).isEqualTo(160.0);
    assertThat(demo.events(InteractionEvent.Arrived.class)).hasSizeBetween(120, 200);
    assertThat(demo.events(InteractionEvent.VirtualAssistantStarted.class))
        .hasSameSizeAs(demo.events(InteractionEvent.Arrived.class))
        .allSatisfy(started1 -> assertThat(started1.flow()).isEqualTo(EntryFlow.ID));
    assertThat(demo.events(InteractionEvent.Queued.class))
        .extracting(queued -> queued.queue().value())
        .contains("billing", "support", "sales");
    assertThat(demo.events(InteractionEvent.Connected.class)).hasSizeGreaterThan(100);
    assertThat(demo.events(InteractionEvent.Abandoned.class)).isNotEmpty();
    assertThat(demo.events(InteractionEvent.Disconnected.class))
        .extracting(InteractionEvent.Disconnected::by)
        .contains(
            io.tandem.core.interaction.DisconnectedBy.AGENT,
            io.tandem.core.interaction.DisconnectedBy.CUSTOMER);
    List<InteractionEvent.WrapUpCompleted> wrapUps =
        demo.events(InteractionEvent.WrapUpCompleted.class);
    assertThat(wrapUps).hasSizeGreaterThan(100);
    assertThat(wrapUps)
        .filteredOn(wrapUp -> !wrapUp.automatic())
        .extracting(InteractionEvent.WrapUpCompleted::code)
        .isSubsetOf(allWrapUpCodes())
        .contains("solved", "sale", "refund");
    assertThat(demo.events(InteractionEvent.OfferTimedOut.class))
        .isNotEmpty()
        .allSatisfy(rona -> assertThat(readyAgain(demo, rona)).isTrue());
    assertThat(demo.events(AgentEvent.BecameNotReady.class))
        .extracting(AgentEvent.BecameNotReady::reason)
        .contains("break");
    assertThat(demo.events(AgentEvent.PresenceChanged.class)).isNotEmpty();
  }

  @Test
  void silentCallers_reachTheMenusNoInputQueue_afterTheRetries() {
    VirtualTenant demo = new VirtualTenant(START);
    DemoDefinition allSilent =
        new DemoDefinition(
            DEMO.tenant(),
            DEMO.entryMenu(),
            new CallerHabits(
                DEMO.callers().promptLength(),
                DEMO.callers().pressAfter(),
                1.0,
                DEMO.callers().voicemailLength()),
            DEMO.agents());
    new DemoTraffic(allSilent, demo::tell, demo.time, demo.time, 1.0).start().join();

    demo.time.advance(Duration.ofMinutes(30));

    assertThat(demo.events(InteractionEvent.Queued.class))
        .isNotEmpty()
        .extracting(queued -> queued.queue().value())
        .containsOnly("support");
    // greeting 4s, menu 6s, retry prompt 4s, menu 6s
    InteractionEvent.Arrived first = demo.events(InteractionEvent.Arrived.class).getFirst();
    InteractionEvent.Queued queued =
        demo.events(InteractionEvent.Queued.class).stream()
            .filter(q -> q.interaction().equals(first.interaction()))
            .findFirst()
            .orElseThrow();
    assertThat(Duration.between(first.at(), queued.at())).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void start_onARecoveredTenant_configuresNothingAgain_andTrafficGoesOn() {
    VirtualTenant before = new VirtualTenant(START);
    DemoTraffic first = before.demo();
    first.start().join();
    before.time.advance(Duration.ofMinutes(10));
    first.stop();

    VirtualTenant after = new VirtualTenant(before.time.instant().plusSeconds(30));
    after.tenant.recover(throughTheEventLogCodec(before.events));
    after.events.clear();
    DemoTraffic.Started started = after.demo().start().join();
    after.time.advance(Duration.ofMinutes(10));

    assertThat(started.queuesConfigured()).isZero();
    assertThat(started.agentsConfigured()).isZero();
    assertThat(after.events(QueueEvent.Configured.class)).isEmpty();
    assertThat(after.events(AgentEvent.Configured.class)).isEmpty();
    assertThat(after.events(InteractionEvent.Arrived.class)).isNotEmpty();
    assertThat(after.events(InteractionEvent.Connected.class)).isNotEmpty();
    assertThat(after.tenant.state().agents())
        .hasSize(20)
        .allSatisfy(agent -> assertThat(agent.state()).isNotEqualTo(AgentState.OFFLINE));
  }

  @Test
  void start_twiceOnTheSameTenant_configuresOnce() {
    VirtualTenant demo = new VirtualTenant(START);
    DemoTraffic first = demo.demo();
    DemoTraffic.Started once = first.start().join();
    demo.time.advance(Duration.ofMinutes(5));
    first.stop();
    int configured =
        demo.events(QueueEvent.Configured.class).size()
            + demo.events(AgentEvent.Configured.class).size();

    DemoTraffic.Started twice = demo.demo().start().join();
    demo.time.advance(Duration.ofMinutes(5));

    assertThat(once.queuesConfigured()).isEqualTo(4); // billing overflows to support, added later
    assertThat(once.agentsConfigured()).isEqualTo(20);
    assertThat(twice.queuesConfigured()).isZero();
    assertThat(twice.agentsConfigured()).isZero();
    assertThat(twice.agentsLoggedIn()).isZero();
    assertThat(
            demo.events(QueueEvent.Configured.class).size()
                + demo.events(AgentEvent.Configured.class).size())
        .isEqualTo(configured);
  }

  @Test
  void stop_cancelsEveryDemoTimer_andNoMoreCallsArrive() {
    VirtualTenant demo = new VirtualTenant(START);
    DemoTraffic traffic = demo.demo();
    traffic.start().join();
    demo.time.advance(Duration.ofMinutes(10));

    traffic.stop();
    int arrived = demo.events(InteractionEvent.Arrived.class).size();
    demo.time.advance(Duration.ofMinutes(10));

    assertThat(traffic.pendingTimers()).isZero();
    assertThat(demo.events(InteractionEvent.Arrived.class)).hasSize(arrived);
  }

  /**
   * Whether the agent who let the offer ring out was ready again after 30 s (or the hour ended).
   */
  private static boolean readyAgain(VirtualTenant demo, InteractionEvent.OfferTimedOut rona) {
    Instant due = rona.at().plusSeconds(30);
    return due.isAfter(demo.time.instant().minusSeconds(1))
        || demo.events(AgentEvent.BecameReady.class).stream()
            .anyMatch(ready -> ready.agent().equals(rona.agent()) && ready.at().equals(due));
  }

  private static Set<String> allWrapUpCodes() {
    Set<String> codes = new java.util.HashSet<>();
    DEMO.agents().wrapUpCodes().values().forEach(codes::addAll);
    return codes;
  }

  /** The events as a restarted server reads them: encoded to the log's JSON and decoded. */
  private static List<TenantEvent> throughTheEventLogCodec(List<TenantEvent> events) {
    EventCodec codec = new EventCodec();
    return events.stream()
        .map(event -> codec.decode(codec.typeOf(event), codec.encode(event)))
        .toList();
  }
}
