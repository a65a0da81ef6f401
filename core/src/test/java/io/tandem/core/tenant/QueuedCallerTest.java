package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.QueuePlace;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class QueuedCallerTest {

  private final TenantDriver cc = new TenantDriver();
  private final RecordingSteps steps = new RecordingSteps();
  private final TenantAccess access =
      new TenantAccess() {
        @Override
        public <T> CompletableFuture<T> ask(java.util.function.Function<Tenant, T> command) {
          return CompletableFuture.completedFuture(command.apply(cc.tenant));
        }
      };
  private final QueuedCaller caller = new QueuedCaller(access, steps);

  @Test
  void queuedOfferedAndTimedOut_reachTheStepsInOrder() {
    QueueId sales =
        cc.queue(QueueConfig.builder("sales").ringTimeout(Duration.ofSeconds(15)).build());
    InteractionId call = cc.call(sales);
    AgentId ann = cc.readyAgent("ann");
    ReservationId offer = cc.offerTo(ann);
    cc.advance(Duration.ofSeconds(15));

    feed(call);

    assertThat(steps.seen)
        .containsExactly("queued sales", "offered " + offer + " to ann", "ended " + offer);
    assertThat(caller.queue()).isEqualTo(sales);
  }

  @Test
  void declinedOffer_endsTheOffer() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    InteractionId call = cc.call(sales);
    AgentId ann = cc.readyAgent("ann");
    ReservationId offer = cc.offerTo(ann);
    cc.tenant.declineOffer(offer);

    feed(call);

    assertThat(steps.seen).contains("ended " + offer);
  }

  @Test
  void answeredCall_stepsStopAtTheOffer() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    InteractionId call = cc.call(sales);
    AgentId ann = cc.readyAgent("ann");
    ReservationId offer = cc.offerTo(ann);
    cc.answer(ann);
    cc.tenant.callEnded(call, io.tandem.core.interaction.DisconnectedBy.CUSTOMER);

    feed(call);

    assertThat(steps.seen).containsExactly("queued sales", "offered " + offer + " to ann");
  }

  @Test
  void transferToAnotherQueue_isQueuedAgainThere() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    QueueId billing = cc.queue(QueueConfig.builder("billing").build());
    InteractionId call = cc.call(sales);
    AgentId ann = cc.readyAgent("ann");
    cc.answer(ann);
    cc.tenant.work().transferToQueue(call, billing);

    feed(call);

    assertThat(steps.seen).first().isEqualTo("queued sales");
    assertThat(steps.seen).contains("queued billing");
    assertThat(caller.queue()).isEqualTo(billing);
  }

  @Test
  void place_isNoneUntilQueued_thenTheTenants() {
    QueueId sales = cc.queue(QueueConfig.builder("sales").build());
    cc.call(sales);
    InteractionId second = cc.call(sales);

    assertThat(caller.place(second).join()).isEqualTo(QueuePlace.NONE);
    assertThat(caller.place(null).join()).isEqualTo(QueuePlace.NONE);

    feed(second);

    assertThat(caller.place(second).join().position()).isEqualTo(2);
    assertThat(caller.place(second).join()).isEqualTo(cc.tenant.placeOf(second));
  }

  @Test
  void announcements_areTheQueuesOwn_orTheStandardOnes() {
    Announcements own = new Announcements("prompt:jazz", Duration.ofSeconds(20), false, true);
    QueueId sales = cc.queue(QueueConfig.builder("sales").announcements(own).build());

    assertThat(caller.announcements(sales).join()).isEqualTo(own);
    assertThat(caller.announcements(new QueueId("nowhere")).join())
        .isEqualTo(Announcements.standard());
  }

  @Test
  void teamsUserOf_anAgentWithOne_isTheirIdAndName() {
    cc.tenant.configureAgent(
        new AgentProfile(
            new AgentId("ann"),
            "Ann Smith",
            AgentSkills.of(Map.of("general", 3), "en"),
            Map.of(io.tandem.core.interaction.Channel.VOICE, 1),
            "entra-ann"));

    assertThat(caller.teamsUserOf(new AgentId("ann")).join())
        .contains(new QueuedCaller.AgentTeamsUser("entra-ann", "Ann Smith"));
  }

  @Test
  void teamsUserOf_anAgentWithoutOne_orAnUnknownAgent_isEmpty() {
    AgentId bob = cc.agent("bob", Map.of("general", 3), "en");

    assertThat(caller.teamsUserOf(bob).join()).isEmpty();
    assertThat(caller.teamsUserOf(new AgentId("nobody")).join()).isEmpty();
  }

  private void feed(InteractionId call) {
    for (TenantEvent event : cc.events) {
      if (event instanceof InteractionEvent e && e.interaction().equals(call)) {
        caller.on(e);
      }
    }
  }

  /** Steps that write down what the wait asked of the channel. */
  private static final class RecordingSteps implements QueuedCaller.Steps {
    final List<String> seen = new ArrayList<>();

    @Override
    public void queued(QueueId queue) {
      seen.add("queued " + queue.value());
    }

    @Override
    public void offered(ReservationId reservation, AgentId agent, Instant deadline) {
      seen.add("offered " + reservation + " to " + agent.value());
    }

    @Override
    public void offerEnded(ReservationId reservation) {
      seen.add("ended " + reservation);
    }
  }
}
