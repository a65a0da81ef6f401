package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.teams.TeamsOffer;
import io.tandem.emulator.world.TeamsUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Teams user's presence follows the calls their simulated Teams client takes. */
class PresenceFollowsCallsTest {

  private EmulatorFixture fixture;
  private PresenceTestClient graph;

  @BeforeEach
  void start() throws Exception {
    fixture = new EmulatorFixture();
    graph = new PresenceTestClient(fixture);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void answeredCall_makesUserBusyInACall_untilTheCallEnds() throws Exception {
    TeamsUser alice = fixture.emulator.world().user(ALICE).orElseThrow();
    fixture.emulator.teamsClients().offer(alice, "call-1", new QuietListener());

    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");
    fixture.clock.advance(Duration.ofSeconds(3)); // alice answers after 3 s
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/InACall");
    fixture.clock.advance(Duration.ofSeconds(60)); // and hangs up after 60 s
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");
  }

  @Test
  void callEndedByTheOtherSide_restoresTheScriptedClientState() throws Exception {
    graph.scriptClient(ALICE, "Away", "Away");
    TeamsUser alice = fixture.emulator.world().user(ALICE).orElseThrow();
    TeamsOffer offer = fixture.emulator.teamsClients().offer(alice, "call-2", new QuietListener());
    fixture.clock.advance(Duration.ofSeconds(3));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/InACall");

    offer.remoteHangUp();

    assertThat(graph.presenceOf(ALICE)).isEqualTo("Away/Away");
  }

  @Test
  void doNotDisturb_outranksTheCall() throws Exception {
    graph.scriptClient(ALICE, "DoNotDisturb", "DoNotDisturb");
    TeamsUser alice = fixture.emulator.world().user(ALICE).orElseThrow();
    fixture.emulator.teamsClients().offer(alice, "call-3", new QuietListener());

    fixture.clock.advance(Duration.ofSeconds(3));

    assertThat(graph.presenceOf(ALICE)).isEqualTo("DoNotDisturb/DoNotDisturb");
  }

  @Test
  void everyChange_isJournaledWithItsTimeAndCause() throws Exception {
    TeamsUser alice = fixture.emulator.world().user(ALICE).orElseThrow();
    fixture.emulator.teamsClients().offer(alice, "call-4", new QuietListener());
    fixture.clock.advance(Duration.ofSeconds(3));

    List<JournalEntry> changes =
        fixture.emulator.journal().after(0, e -> e.kind().equals("presence.changed"), 10);

    assertThat(changes).hasSize(1);
    JournalEntry change = changes.get(0);
    assertThat(change.attributes())
        .containsEntry("user", ALICE)
        .containsEntry("availability", "Busy")
        .containsEntry("activity", "InACall")
        .containsEntry("before", "Available/Available")
        .containsEntry("cause", "call");
    assertThat(change.time()).isEqualTo(fixture.clock.now());
  }

  @Test
  void scriptedClientStates_refuseWhatAClientCannotShow() throws Exception {
    var response =
        fixture.send(
            "PUT",
            "/emulator/users/" + ALICE + "/presence",
            "application/json",
            "{\"availability\":\"Away\",\"activity\":\"InACall\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    var unknown =
        fixture.send(
            "PUT",
            "/emulator/users/99999999-9999-4999-8999-999999999999/presence",
            "application/json",
            "{\"availability\":\"Away\",\"activity\":\"Away\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void signedOutClient_isOffline_withTheScriptedActivity() throws Exception {
    graph.scriptClient(ALICE, "Offline", "OffWork");

    assertThat(graph.presenceOf(ALICE)).isEqualTo("Offline/OffWork");
  }

  /** Ignores what the client does. */
  private static final class QuietListener implements OfferListener {
    @Override
    public void answered() {}

    @Override
    public void declined() {}

    @Override
    public void busy() {}

    @Override
    public void hungUp() {}
  }
}
