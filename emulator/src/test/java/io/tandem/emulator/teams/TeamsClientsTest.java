package io.tandem.emulator.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.ClientBehaviour.Response;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import io.tandem.emulator.world.WorldSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsClientsTest {

  private static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";

  private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  private final Journal journal = new Journal(clock, 1000);
  private final World world;
  private final TeamsClients clients;
  private final RecordingListener heard = new RecordingListener();
  private final List<String> activity = new ArrayList<>();

  TeamsClientsTest() throws Exception {
    world = new World(WorldSpecs.read(EmulatorFixture.world("contoso.yaml")));
    clients = new TeamsClients(world, clock, journal);
    clients.addActivityListener((user, calls) -> activity.add(user + "=" + calls));
  }

  @Test
  void answeringClient_ringsAnswersAfterItsDelay_thenHangsUpOnSchedule() {
    TeamsOffer offer = clients.offer(alice(), "call-1", heard);
    assertThat(heard.events).containsExactly("ringing");

    clock.advance(Duration.ofMillis(2999));
    assertThat(offer.state()).isEqualTo(OfferState.RINGING);
    clock.advance(Duration.ofMillis(1));
    assertThat(offer.state()).isEqualTo(OfferState.CONNECTED);
    assertThat(clients.activeCalls(ALICE)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(60));
    assertThat(heard.events).containsExactly("ringing", "answered", "hungUp");
    assertThat(offer.state()).isEqualTo(OfferState.ENDED);
    assertThat(activity).containsExactly(ALICE + "=1", ALICE + "=0");
    assertThat(journal.after(0, e -> e.channel() == Channel.WORLD, 10))
        .extracting(e -> e.kind())
        .containsExactly("user.ringing", "user.answered", "user.hungUp");
  }

  @Test
  void decliningClient_declinesOnce_andNeverCountsAsInACall() {
    TeamsOffer offer =
        clients.offer(world.user("11111111-aaaa-4bbb-8ccc-000000000002").orElseThrow(), "c", heard);
    clock.advance(Duration.ofMinutes(5));

    assertThat(heard.events).containsExactly("ringing", "declined");
    assertThat(offer.state()).isEqualTo(OfferState.DECLINED);
    assertThat(activity).isEmpty();
  }

  @Test
  void noAnswer_keepsRingingUntilCancelled() {
    TeamsOffer offer =
        clients.offer(world.user("11111111-aaaa-4bbb-8ccc-000000000003").orElseThrow(), "c", heard);
    clock.advance(Duration.ofHours(1));
    assertThat(offer.state()).isEqualTo(OfferState.RINGING);

    offer.cancel();
    offer.cancel();
    assertThat(offer.state()).isEqualTo(OfferState.CANCELLED);
    assertThat(heard.events).containsExactly("ringing");
  }

  @Test
  void cancelBeforeTheAnswerTime_meansTheClientNeverAnswers() {
    TeamsOffer offer = clients.offer(alice(), "c", heard);
    clock.advance(Duration.ofSeconds(1));
    offer.cancel();
    clock.advance(Duration.ofMinutes(2));

    assertThat(heard.events).containsExactly("ringing");
    assertThat(clients.activeCalls(ALICE)).isZero();
  }

  @Test
  void remoteHangUp_endsTheCallAndStopsTheScript() {
    world.changeClient(
        ALICE,
        new ClientBehaviour(
            Duration.ZERO,
            Response.ANSWER,
            Duration.ofSeconds(30),
            "+14255550999",
            Duration.ofSeconds(10),
            "12#"));
    TeamsOffer offer = clients.offer(alice(), "c", heard);
    clock.advance(Duration.ofSeconds(1));
    assertThat(heard.events).containsExactly("ringing", "answered", "dtmf 12#");

    offer.remoteHangUp();
    clock.advance(Duration.ofMinutes(1));

    assertThat(heard.events).containsExactly("ringing", "answered", "dtmf 12#");
    assertThat(offer.state()).isEqualTo(OfferState.ENDED);
    assertThat(activity).containsExactly(ALICE + "=1", ALICE + "=0");
  }

  @Test
  void scriptedTransfer_isAskedForWhileConnected() {
    world.changeClient(
        ALICE,
        new ClientBehaviour(
            Duration.ZERO, Response.ANSWER, null, "+14255550999", Duration.ofSeconds(10), null));
    clients.offer(alice(), "c", heard);
    clock.advance(Duration.ofSeconds(10));

    assertThat(heard.events).containsExactly("ringing", "answered", "transfer +14255550999");
  }

  @Test
  void offerStates_allowExactlyTheLegalMoves() {
    for (OfferState from : OfferState.values()) {
      for (OfferState to : OfferState.values()) {
        boolean legal =
            (from == OfferState.RINGING && to != OfferState.RINGING && to != OfferState.ENDED)
                || (from == OfferState.CONNECTED && to == OfferState.ENDED);
        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(legal);
      }
      assertThat(from.isFinal())
          .isEqualTo(from != OfferState.RINGING && from != OfferState.CONNECTED);
    }
  }

  private TeamsUser alice() {
    return world.user(ALICE).orElseThrow();
  }

  private static final class RecordingListener implements OfferListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void ringing() {
      events.add("ringing");
    }

    @Override
    public void answered() {
      events.add("answered");
    }

    @Override
    public void declined() {
      events.add("declined");
    }

    @Override
    public void busy() {
      events.add("busy");
    }

    @Override
    public void hungUp() {
      events.add("hungUp");
    }

    @Override
    public void transferRequested(String target) {
      events.add("transfer " + target);
    }

    @Override
    public void dtmf(String digits) {
      events.add("dtmf " + digits);
    }
  }
}
