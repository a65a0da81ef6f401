package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.skill.AgentSkills;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippProcess;
import io.tandem.sip.sipp.SippResult;
import io.tandem.sip.stack.Transport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consultative transfer an agent completes in Teams, end to end over real SIP and RTP: Ann, an
 * agent, answers a caller (call A, Tandem → Teams), dials an outside number in Teams, which goes
 * through Tandem as the SBC to the carrier gateway (call B; SIPp plays a 1000 Hz tone), and joins
 * the two calls in Teams, so the emulator's proxy sends Tandem an INVITE with Replaces of B
 * (MICROSOFT-CONTRACTS §1.3). Tandem answers it on B's media, ends B's old dialog with BYE, the
 * caller hears the outside party through Teams, the interaction records a completed transfer to the
 * number, and the caller's hang-up ends every leg. Then the INVITEs with Replaces Tandem refuses,
 * each with nothing changed.
 */
class TeamsConsultTransferEndToEndTest {

  private static final String ANN_ID = "77777777-aaaa-4bbb-8ccc-000000000001";
  private static final String ANN = "+14255550401";
  private static final String BERLIN = "+4930901820";

  @Test
  void agentJoinsTheCallerToAnOutsideNumberInTeams_callGoesOnInTheNewDialog_transferRecorded()
      throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("outside-party-answers.xml")
                .key("caller", ANN)
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      rig.agent(
          new AgentProfile(
              new AgentId("ann"),
              "Ann",
              AgentSkills.of(Map.of("billing", 5)),
              Map.of(Channel.VOICE, 1),
              ANN_ID),
          ANN);
      String caller =
          rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT15S\"");
      await(() -> rig.first(InteractionEvent.Connected.class));
      await(() -> rig.toneShare(caller) > 0.9 ? true : null);
      String callA =
          ConnectRig.header(firstWith(rig, "INVITE", "INVITE sip:" + ANN + "@"), "Call-ID");
      String callB = placed(rig.teamsDials(ANN_ID, BERLIN));
      await(() -> rig.teamsCallState(ANN_ID, callB).equals("CONNECTED") ? true : null);

      HttpResponse<String> joined = rig.teamsConsultTransfer(ANN_ID, callA, callB);

      assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
      String replacing = joined.body().replaceAll(".*\"replacingCallId\":\"([^\"]+)\".*", "$1");
      // Tandem answered the INVITE with Replaces as the SBC, then ended B's old dialog itself
      await(() -> teamsEvent(rig, "transfer.completed") ? true : null);
      String ok = firstWith(rig, "200", replacing);
      assertThat(ok).contains("CSeq: 1 INVITE").contains("m=audio");
      assertThat(ConnectRig.header(ok, "Contact")).startsWith("<sip:" + ConnectRig.SBC);
      await(() -> rig.journal("BYE").stream().anyMatch(bye -> bye.contains(callB)) ? true : null);
      await(() -> rig.teamsCallState(ANN_ID, callB).equals("ENDED") ? true : null);
      // the caller hears the outside party's tone through Teams and the new dialog
      await(() -> rig.toneShare(caller, 1000) > 0.9 ? true : null);
      // the agent transferred the caller to the number and is no longer busy with it
      InteractionEvent.TransferStarted started =
          await(() -> rig.first(InteractionEvent.TransferStarted.class));
      assertThat(started.target()).isEqualTo(BERLIN);
      InteractionEvent.Disconnected done =
          await(() -> rig.first(InteractionEvent.Disconnected.class));
      assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
      assertThat(rig.ask(t -> t.state().agent(new AgentId("ann")).state()).get())
          .isNotEqualTo(AgentState.BUSY);
      assertThat(rig.node.callControl(ConnectRig.TENANT).carries(done.interaction())).isFalse();
      assertThat(rig.callView(caller).path("state").asString()).isNotEqualTo("ENDED");

      // the caller hangs up: Tandem's legs of A end, Teams ends the new dialog, the carrier gets
      // BYE
      SippResult result = gateway.awaitExit(Duration.ofSeconds(40));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
      await(() -> rig.node.activeLegs() == 0 ? true : null);
      assertThat(rig.node.activeCalls()).isZero();
      assertThat(rig.events(InteractionEvent.TransferFailed.class)).isEmpty();
    }
  }

  @Test
  void replacesOfAnAnsweredTeamsCall_wrongTags481_earlyOnly486_noOffer488_notMicrosoft403()
      throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway = answeringGateway();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String callB = placed(rig.teamsDials(ANN_ID, BERLIN));
      await(() -> rig.teamsCallState(ANN_ID, callB).equals("CONNECTED") ? true : null);
      String named = replacesOf(callB, firstWith(rig, "200", callB));
      InetAddress microsoft = InetAddress.getLoopbackAddress();
      InetAddress elsewhere = InetAddress.getByName("127.0.0.2");

      assertRefused(rig, microsoft, ConnectRig.SBC, callB + ";to-tag=x;from-tag=y", true, 481);
      assertRefused(rig, microsoft, ConnectRig.SBC, named + ";early-only", true, 486);
      assertRefused(
          rig, microsoft, ConnectRig.SBC, "nobody@nowhere;to-tag=a;from-tag=b", true, 481);
      assertRefused(rig, microsoft, ConnectRig.SBC, named, false, 488);
      assertRefused(rig, elsewhere, ConnectRig.SBC, named, true, 403);
      assertRefused(rig, microsoft, "127.0.0.1", named, true, 403);

      // the call goes on as it was: Ann still hears the gateway through Tandem
      assertThat(rig.teamsCallState(ANN_ID, callB)).isEqualTo("CONNECTED");
      long before = rig.teamsCall(ANN_ID, callB).path("packetsReceived").asLong();
      await(
          () ->
              rig.teamsCall(ANN_ID, callB).path("packetsReceived").asLong() > before + 25
                  ? true
                  : null);
      rig.teamsHangsUp(ANN_ID, callB);
      endsCleanly(rig, gateway);
    }
  }

  @Test
  void secondReplacesBeforeTheFirstIsAcked_486_theFirstCarriesTheCallOnce_acked() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway = answeringGateway();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port());
        DatagramSocket microsoft = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      microsoft.setSoTimeout(5_000);
      int port = rig.tandemPort();
      String callB = placed(rig.teamsDials(ANN_ID, BERLIN));
      await(() -> rig.teamsCallState(ANN_ID, callB).equals("CONNECTED") ? true : null);
      String named = replacesOf(callB, firstWith(rig, "200", callB));

      String first = send(microsoft, ConnectRig.SBC, port, named, true);
      assertThat(first).startsWith("SIP/2.0 200 ");

      String second =
          assertRefused(rig, InetAddress.getLoopbackAddress(), ConnectRig.SBC, named, true, 486);
      assertThat(second).contains("another INVITE with Replaces is answered");
      assertThat(rig.teamsCallState(ANN_ID, callB)).isEqualTo("CONNECTED");

      // the first one's ACK: Tandem ends the replaced dialog, the gateway stays on the new one
      String target = ConnectRig.header(first, "Contact").replaceAll("^<([^>]+)>.*$", "$1");
      sendInNewDialog(microsoft, port, first, target, "ACK", 1);
      await(() -> rig.teamsCallState(ANN_ID, callB).equals("ENDED") ? true : null);
      assertThat(gateway.isAlive()).isTrue();

      sendInNewDialog(microsoft, port, first, target, "BYE", 2);
      endsCleanly(rig, gateway);
    }
  }

  /** A body-less {@code method} in the dialog the 200 {@code answer} formed, to {@code target}. */
  private static void sendInNewDialog(
      DatagramSocket socket, int port, String answer, String target, String method, int cseq)
      throws Exception {
    String local = "127.0.0.1:" + socket.getLocalPort();
    String request =
        method
            + " "
            + target
            + " SIP/2.0\r\nVia: SIP/2.0/UDP "
            + local
            + ";branch=z9hG4bK"
            + method.toLowerCase(java.util.Locale.ROOT)
            + cseq
            + ";rport\r\nMax-Forwards: 70\r\nFrom: "
            + ConnectRig.header(answer, "From")
            + "\r\nTo: "
            + ConnectRig.header(answer, "To")
            + "\r\nCall-ID: "
            + ConnectRig.header(answer, "Call-ID")
            + "\r\nCSeq: "
            + cseq
            + " "
            + method
            + "\r\nContent-Length: 0\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  @Test
  void replacesOfATeamsCallStillRinging_481_itRingsOn() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("forward-target-rings-until-cancelled.xml")
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String callB = placed(rig.teamsDials(ANN_ID, BERLIN));
      String ringing =
          await(
              () ->
                  rig.journal("180").stream()
                      .filter(r -> r.contains(callB))
                      .findFirst()
                      .orElse(null));
      String named = replacesOf(callB, ringing);

      String refusal =
          assertRefused(rig, InetAddress.getLoopbackAddress(), ConnectRig.SBC, named, true, 481);

      assertThat(refusal).contains("early");
      assertThat(rig.teamsCallState(ANN_ID, callB)).isEqualTo("RINGING");
      rig.teamsHangsUp(ANN_ID, callB);
      endsCleanly(rig, gateway);
    }
  }

  /**
   * Sends Tandem an INVITE with {@code replaces} from {@code source} to {@code host} (with an offer
   * when {@code offer}) and checks it is refused with {@code status} and a Warning; its text.
   */
  private static String assertRefused(
      ConnectRig rig, InetAddress source, String host, String replaces, boolean offer, int status)
      throws Exception {
    int port = rig.node.endpoint().listenPoint(Transport.UDP).port();
    try (DatagramSocket socket = new DatagramSocket(0, source)) {
      socket.setSoTimeout(5_000);
      String answer = send(socket, host, port, replaces, offer);
      assertThat(answer)
          .as(replaces)
          .startsWith("SIP/2.0 " + status)
          .contains("Warning: 399 tandem");
      return answer;
    }
  }

  private static String send(
      DatagramSocket socket, String host, int port, String replaces, boolean offer)
      throws Exception {
    String callId = UUID.randomUUID().toString();
    String local = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    String sdp =
        offer
            ? "v=0\r\no=ms 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e\r\n"
                + "a=sendrecv\r\n"
            : "";
    String invite =
        "INVITE sip:"
            + BERLIN
            + "@"
            + host
            + ":"
            + port
            + ";user=phone SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + local
            + ";branch=z9hG4bK"
            + callId.substring(0, 8)
            + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:+14255557777@sip.pstnhub.microsoft.com>;tag=x1\r\n"
            + "To: <sip:"
            + BERLIN
            + "@"
            + ConnectRig.SBC
            + ">\r\n"
            + "Call-ID: "
            + callId
            + "\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:+14255557777@"
            + local
            + ">\r\n"
            + "Replaces: "
            + replaces
            + (offer ? "\r\nContent-Type: application/sdp" : "")
            + "\r\nContent-Length: "
            + sdp.length()
            + "\r\n\r\n"
            + sdp;
    return ConnectRig.finalResponseTo(socket, port, invite);
  }

  /** SIPp as the carrier's gateway: answers one call to Berlin with a tone, until its BYE. */
  private static SippProcess answeringGateway() throws Exception {
    return Sipp.scenario("carrier-gateway-answers.xml")
        .key("caller", ANN)
        .calls(1)
        .timeout(Duration.ofSeconds(60))
        .startUas();
  }

  /**
   * The Replaces value naming call B's Teams-side dialog, with the tags of its {@code response}.
   */
  private static String replacesOf(String callB, String response) {
    return callB
        + ";to-tag="
        + tag(ConnectRig.header(response, "To"))
        + ";from-tag="
        + tag(ConnectRig.header(response, "From"));
  }

  /** The gateway's SIPp saw its scenario through and Tandem holds no leg any more. */
  private static void endsCleanly(ConnectRig rig, SippProcess gateway) throws Exception {
    SippResult result = gateway.awaitExit(Duration.ofSeconds(20));
    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    await(() -> rig.node.activeLegs() == 0 ? true : null);
  }

  /** The first journal message of {@code kind} that contains {@code text}. */
  private static String firstWith(ConnectRig rig, String kind, String text) throws Exception {
    return await(
        () -> rig.journal(kind).stream().filter(m -> m.contains(text)).findFirst().orElse(null));
  }

  private static String tag(String nameAddress) {
    return nameAddress.replaceAll(".*;tag=([^;]+).*", "$1");
  }

  private static String placed(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body().replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
  }

  private static boolean teamsEvent(ConnectRig rig, String kind) {
    return !rig.emulator.journal().after(0, e -> e.kind().equals(kind), 10).isEmpty();
  }
}
