package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.stack.Transport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transfers an agent starts in Teams, end to end over real SIP and RTP: the emulator's Teams proxy
 * sends Tandem (the tenant's SBC, which allows REFER) a REFER on the agent leg; Tandem, the
 * transferee, answers 202, calls the Refer-To target over Direct Routing, reports the outcome in
 * NOTIFYs, and relays the caller to the target once it answers. The agents' clients transfer two
 * seconds after answering ({@code connect-world.yaml}).
 */
class TeamsTransferEndToEndTest {

  private static final String TIA_TO_BEA = "+14255550406";
  private static final String TED_TO_BEAS_NUMBER = "+14255550407";
  private static final String TIM_TO_DAN = "+14255550408";
  private static final String BEA = "+14255550405";
  private static final String ANN = "+14255550401";
  private static final String BEA_TEAMS_ID = "77777777-aaaa-4bbb-8ccc-000000000005";
  private static final String DAN_TEAMS_ID = "77777777-aaaa-4bbb-8ccc-000000000002";

  private ConnectRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new ConnectRig();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void agentTransfersToATeamsUser_tandemCallsTheUserByMri_callerTalksToThem() throws Exception {
    String call = callAgent("tia", TIA_TO_BEA);

    InteractionEvent.TransferStarted started =
        await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo("teams:" + BEA_TEAMS_ID);
    InteractionEvent.Disconnected done =
        await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
    assertThat(done.agent().value()).isEqualTo("tia");
    // The new INVITE goes to the Refer-To URI (the proxy, x-m and x-t) with the Referred-By.
    String invite =
        rig.journal("INVITE").stream()
            .filter(text -> text.contains("x-m=8:orgid:" + BEA_TEAMS_ID))
            .findFirst()
            .orElseThrow();
    assertThat(invite).contains("Referred-By: <sip:").contains("x-ti=").contains("X-MS-SBC: ");
    // 202 to the REFER, NOTIFY 100 then 200; Teams ends Tia's leg; the caller hears Bea.
    assertThat(notifies()).anyMatch(n -> n.contains("SIP/2.0 100 Trying"));
    await(() -> notifies().stream().anyMatch(n -> n.contains("SIP/2.0 200 OK")) ? true : null);
    await(() -> teamsEvent("transfer.completed") ? true : null);
    await(() -> rig.toneShare(call) > 0.9 ? true : null);
    await(() -> rig.journal("BYE").isEmpty() ? null : true);
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
    assertThat(rig.events(InteractionEvent.TransferFailed.class)).isEmpty();
    assertThat(rig.node.callControl(ConnectRig.TENANT).carries(done.interaction())).isFalse();
  }

  @Test
  void agentTransfersToANumber_tandemCallsTheNumberAtTheProxy() throws Exception {
    String call = callAgent("ted", TED_TO_BEAS_NUMBER);

    InteractionEvent.TransferStarted started =
        await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo(BEA);
    await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(rig.journal("INVITE")).anyMatch(text -> text.startsWith("INVITE sip:" + BEA + "@"));
    await(() -> rig.toneShare(call) > 0.9 ? true : null);
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
  }

  @Test
  void targetDeclines_notify603_callerStaysWithTheAgent() throws Exception {
    String call = callAgent("tim", TIM_TO_DAN);

    InteractionEvent.TransferStarted started =
        await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo("teams:" + DAN_TEAMS_ID);
    InteractionEvent.TransferFailed failed =
        await(() -> rig.first(InteractionEvent.TransferFailed.class));
    assertThat(failed.reason()).isEqualTo("sip-603");
    await(() -> notifies().stream().anyMatch(n -> n.contains("SIP/2.0 603 Decline")) ? true : null);
    await(() -> teamsEvent("transfer.failed") ? true : null);
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    // The caller hears Tim again, and the call goes on with him.
    await(() -> rig.toneShare(call) > 0.9 ? true : null);
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
  }

  @Test
  void inviteWithReplacesOfNoDialog_481_malformed_400_nothingCreated() throws Exception {
    int port = rig.node.endpoint().listenPoint(Transport.UDP).port();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5_000);
      assertThat(send(socket, port, "nobody@host;to-tag=a;from-tag=b")).startsWith("SIP/2.0 481");
      assertThat(send(socket, port, "nobody@host;to-tag=a")).startsWith("SIP/2.0 400");
    }
    assertThat(rig.node.activeCalls()).isZero();
    assertThat(rig.events(InteractionEvent.Arrived.class)).isEmpty();
  }

  @Test
  void inviteWithReplacesOfAnAgentLeg_declined603_wrongTags481_theCallGoesOn() throws Exception {
    String call = callAgent("ann", ANN);
    String invite =
        rig.journal("INVITE").stream()
            .filter(text -> text.startsWith("INVITE sip:" + ANN + "@"))
            .findFirst()
            .orElseThrow();
    String callId = ConnectRig.header(invite, "Call-ID");
    String tandemTag = ConnectRig.header(invite, "From").replaceAll(".*;tag=", "");
    String teamsTag = teamsTagOf(callId);
    int port = rig.node.endpoint().listenPoint(Transport.UDP).port();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5_000);
      assertThat(send(socket, port, callId + ";to-tag=" + tandemTag + ";from-tag=" + teamsTag))
          .startsWith("SIP/2.0 603")
          .contains("Warning: 399 tandem");
      assertThat(send(socket, port, callId + ";to-tag=" + tandemTag + ";from-tag=wrong"))
          .startsWith("SIP/2.0 481");
      assertThat(
              send(
                  socket,
                  port,
                  callId + ";to-tag=" + tandemTag + ";from-tag=" + teamsTag + ";early-only"))
          .startsWith("SIP/2.0 486");
    }
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
  }

  /** Teams' tag in the agent leg {@code callId}: the From tag of the proxy's in-dialog requests. */
  private String teamsTagOf(String callId) throws Exception {
    return ConnectRig.await(
        () ->
            rig.journal("200").stream()
                .filter(
                    body ->
                        body.contains(callId) && ConnectRig.header(body, "CSeq").endsWith("INVITE"))
                .map(body -> ConnectRig.header(body, "To").replaceAll(".*;tag=", ""))
                .findFirst()
                .orElse(null));
  }

  /** Sends an INVITE with {@code replaces} and returns the first final response's text. */
  private static String send(DatagramSocket socket, int port, String replaces) throws Exception {
    String callId = java.util.UUID.randomUUID().toString();
    String invite =
        "INVITE sip:+14255550190@"
            + ConnectRig.SBC
            + ":"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + socket.getLocalPort()
            + ";branch=z9hG4bK"
            + callId.substring(0, 8)
            + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:+14255557777@sip.pstnhub.microsoft.com>;tag=x1\r\n"
            + "To: <sip:+14255550190@sbc.connect.tandem.test>\r\n"
            + "Call-ID: "
            + callId
            + "\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:+14255557777@127.0.0.1:"
            + socket.getLocalPort()
            + ">\r\n"
            + "Replaces: "
            + replaces
            + "\r\nContent-Length: 0\r\n\r\n";
    return ConnectRig.finalResponseTo(socket, port, invite);
  }

  /** A caller who pressed 1 and was answered by {@code agent} at {@code number}. */
  private String callAgent(String agent, String number) throws Exception {
    rig.agent(agent, number);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"");
    InteractionEvent.Connected connected = await(() -> rig.first(InteractionEvent.Connected.class));
    assertThat(connected.agent().value()).isEqualTo(agent);
    return call;
  }

  private List<String> notifies() {
    return rig.journal("NOTIFY");
  }

  private boolean teamsEvent(String kind) {
    return !rig.emulator.journal().after(0, e -> e.kind().equals(kind), 10).isEmpty();
  }
}
