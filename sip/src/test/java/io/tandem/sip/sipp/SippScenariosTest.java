package io.tandem.sip.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every scenario played against its counterpart, sipp to sipp over loopback with no Tandem in
 * between: each carrier UAC against a stand-in for Tandem, each Teams UAS against a stand-in for
 * Tandem's Direct Routing leg. Both sides must report the outcome the file name promises, and a
 * broken Direct Routing INVITE must fail the Teams side.
 */
class SippScenariosTest {

  @BeforeEach
  void sipp() {
    Sipp.assumeAvailable();
  }

  @Test
  void carrierCallAnsweredByAgent_carrierHangsUpAfterTalking() {
    Pair pair =
        pair(
            Sipp.scenario("standin/tandem-answers.xml"),
            Sipp.scenario("carrier-call-answered-by-agent.xml")
                .key("dtmf_delay_ms", "200")
                .key("talk_ms", "300"));

    pair.assertBothSucceeded();
  }

  @Test
  void carrierCallAnsweredByAgent_tandemHangsUp_callerAnswersTheBye() {
    Pair pair =
        pair(
            Sipp.scenario("standin/tandem-answers-then-hangs-up.xml").key("hold_ms", "800"),
            Sipp.scenario("carrier-call-answered-by-agent.xml")
                .key("dtmf_delay_ms", "200")
                .key("hangup_by", "tandem")
                .key("digit", "#"));

    pair.assertBothSucceeded();
  }

  @Test
  void carrierCallAnsweredByAgent_streamsToneThenPressesTheInjectedDigit() throws Exception {
    try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      int port = rtp.getLocalPort();
      CompletableFuture<List<byte[]>> received = CompletableFuture.supplyAsync(() -> read(rtp));

      Pair pair =
          pair(
              Sipp.scenario("standin/tandem-answers-rtp-to.xml").key("rtp_port", "" + port),
              Sipp.scenario("carrier-call-answered-by-agent.xml")
                  .key("digit", "7")
                  .key("dtmf_delay_ms", "400")
                  .key("talk_ms", "400"));

      pair.assertBothSucceeded();
      List<byte[]> packets = received.get();
      List<byte[]> tone = packets.stream().filter(p -> (p[1] & 0x7f) == 0).toList();
      List<byte[]> events = packets.stream().filter(p -> (p[1] & 0x7f) == 101).toList();
      assertThat(tone.size()).as("20 ms PCMU packets over ~1 s").isBetween(25, 80);
      assertThat(events).hasSize(11).allSatisfy(event -> assertThat(event[12]).isEqualTo((byte) 7));
      assertThat(events.getLast()[13] & 0x80).as("end of event").isNotZero();
    }
  }

  @Test
  void carrierHangsUpInQueue_afterPressingAKey() {
    Pair pair =
        pair(
            Sipp.scenario("standin/tandem-answers.xml"),
            Sipp.scenario("carrier-hangs-up-in-queue.xml")
                .key("digit", "*")
                .key("dtmf_delay_ms", "200")
                .key("queue_ms", "300"));

    pair.assertBothSucceeded();
  }

  @Test
  void carrierCancelsBeforeAnswer_getsTheCancelAnsweredAnd487() {
    Pair pair =
        pair(
            Sipp.scenario("standin/tandem-rings.xml"),
            Sipp.scenario("carrier-cancels-before-answer.xml").key("ring_ms", "200"));

    pair.assertBothSucceeded();
  }

  @Test
  void carrierCallZeroSecondsAndHoldTime_manyCalls() {
    pair(
            Sipp.scenario("standin/tandem-answers.xml").calls(20),
            Sipp.scenario("carrier-call-zero-seconds.xml").calls(20).rate(200))
        .assertBothSucceeded(20);
    pair(
            Sipp.scenario("standin/tandem-answers.xml").calls(5),
            Sipp.scenario("carrier-call-hold-time.xml")
                .calls(5)
                .rate(50)
                .pause(Duration.ofMillis(300)))
        .assertBothSucceeded(5);
  }

  @Test
  void carrierSendsMalformedInvite_expects400_andUnknownTrunk_expects403() {
    pair(
            Sipp.scenario("standin/tandem-rejects-400.xml"),
            Sipp.scenario("carrier-sends-malformed-invite.xml"))
        .assertBothSucceeded();
    pair(
            Sipp.scenario("standin/tandem-rejects-403.xml"),
            Sipp.scenario("carrier-unknown-trunk.xml").localHost("127.0.0.2"))
        .assertBothSucceeded();
  }

  @Test
  void carrierUnknownTrunk_answeredInsteadOfRejected_failsTheCaller() {
    Pair pair =
        pair(
            Sipp.scenario("standin/tandem-answers.xml"),
            Sipp.scenario("carrier-unknown-trunk.xml").timeout(Duration.ofSeconds(4)));

    assertThat(pair.caller().exitCode()).as(pair.caller().diagnostics()).isNotZero();
    assertThat(pair.caller().successful()).isZero();
  }

  @Test
  void teamsAnswers_aDirectRoutingInvite_overUdpAndTcp() {
    for (Sipp.Transport transport : Sipp.Transport.values()) {
      pair(
              Sipp.scenario("teams-answers.xml").transport(transport),
              Sipp.scenario("standin/tandem-calls-agent.xml")
                  .transport(transport)
                  .service("+14255550101")
                  .pause(Duration.ofMillis(300)))
          .assertBothSucceeded();
    }
  }

  @Test
  void teamsAnswers_streamsToneToTheOfferedMediaAddress() throws Exception {
    try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      CompletableFuture<List<byte[]>> received = CompletableFuture.supplyAsync(() -> read(rtp));

      pair(
              Sipp.scenario("teams-answers.xml").key("rtp", "stream"),
              Sipp.scenario("standin/tandem-calls-agent-rtp-to.xml")
                  .key("rtp_port", "" + rtp.getLocalPort())
                  .pause(Duration.ofMillis(800)))
          .assertBothSucceeded();

      List<byte[]> packets = received.get();
      assertThat(packets).as("20 ms PCMU packets over ~0.8 s").hasSizeBetween(25, 80);
      assertThat(packets).allSatisfy(packet -> assertThat(packet[1] & 0x7f).isZero());
    }
  }

  @Test
  void teamsDeclines603_teamsBusy486_teamsNoAnswer() {
    pair(
            Sipp.scenario("teams-declines-603.xml").key("ring_ms", "100"),
            Sipp.scenario("standin/tandem-calls-agent-declined.xml"))
        .assertBothSucceeded();
    pair(Sipp.scenario("teams-busy-486.xml"), Sipp.scenario("standin/tandem-calls-agent-busy.xml"))
        .assertBothSucceeded();
    pair(
            Sipp.scenario("teams-no-answer.xml"),
            Sipp.scenario("standin/tandem-calls-agent-cancels.xml").key("ring_ms", "200"))
        .assertBothSucceeded();
  }

  @Test
  void teamsAnswers_failsAnInviteThatBreaksTheDirectRoutingDialect() {
    String[][] violations = {
      {"contact_host", "127.0.0.1"}, {"user_param", "user=ip"}, {"sbc_header", "X-Other"}
    };
    for (String[] violation : violations) {
      Pair pair =
          pair(
              Sipp.scenario("teams-answers.xml").key("rtp", "off"),
              Sipp.scenario("standin/tandem-calls-agent.xml")
                  .key(violation[0], violation[1])
                  .timeout(Duration.ofSeconds(4)));

      SippResult teams = pair.callee();
      assertThat(teams.exitCode()).as(violation[0] + "\n" + teams.diagnostics()).isEqualTo(1);
      assertThat(teams.failed()).isEqualTo(1);
      assertThat(teams.errors()).contains("Failed regexp match");
    }
  }

  @Test
  void runner_rejectsKeysTheScenarioDoesNotDeclare_andReadsDeclaredDefaults() {
    assertThat(Sipp.declaredKeys(Sipp.resourceText("carrier-call-answered-by-agent.xml")))
        .containsEntry("digit", "2")
        .containsEntry("hangup_by", "carrier")
        .containsKeys("caller", "dtmf_delay_ms", "talk_ms");
    assertThatThrownBy(() -> Sipp.scenario("teams-busy-486.xml").key("digit", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  record Pair(SippResult caller, SippResult callee) {
    void assertBothSucceeded() {
      assertBothSucceeded(1);
    }

    void assertBothSucceeded(int calls) {
      assertThat(caller.allSucceeded()).as("caller: " + caller.diagnostics()).isTrue();
      assertThat(callee.allSucceeded()).as("callee: " + callee.diagnostics()).isTrue();
      assertThat(caller.successful()).isEqualTo(calls);
      assertThat(callee.successful()).isEqualTo(calls);
    }
  }

  /** Starts the server, plays the client against it, then waits for the server to finish. */
  static Pair pair(Sipp server, Sipp client) {
    try (SippProcess uas = server.startUas()) {
      SippResult caller = client.remote("127.0.0.1", uas.port()).run();
      return new Pair(caller, uas.awaitExit(Duration.ofSeconds(10)));
    }
  }

  /** RTP packets: waits up to 5 s for the first, then until none arrives for 1 s. */
  static List<byte[]> read(DatagramSocket socket) {
    List<byte[]> packets = new ArrayList<>();
    try {
      socket.setSoTimeout(5000);
      while (true) {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        packets.add(Arrays.copyOf(buffer, packet.getLength()));
        socket.setSoTimeout(1000);
      }
    } catch (SocketTimeoutException quiet) {
      return packets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
