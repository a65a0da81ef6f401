package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.media.ice.ControllingCheck;
import io.tandem.media.ice.IceCredentials;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Direct Routing media bypass end to end: Tandem's agent leg is ICE-lite, the emulated Teams client
 * checks it as the controlling agent and sends SRTP only after its nomination succeeded; a check
 * under a wrong password gets 401 and latches nothing, a malformed STUN datagram is dropped and the
 * call goes on.
 */
class ConnectMediaBypassEndToEndTest {

  private static final String ANN = "+14255550401";
  private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");
  private static final Pattern CANDIDATE =
      Pattern.compile("a=candidate:1 1 UDP 2130706431 127\\.0\\.0\\.1 (\\d+) typ host");
  private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) RTP/SAVP");

  private ConnectRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void agentLeg_isIceLite_theClientsChecksSucceed_andAudioFlowsBothWays() throws Exception {
    rig = ConnectRig.withMediaBypass();
    rig.agent("ann", ANN);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT6S\"");
    await(() -> rig.first(InteractionEvent.Connected.class));

    String invite = sipMessage("INVITE", "INVITE sip:" + ANN);
    String callId = match(Pattern.compile("Call-ID: (\\S+)"), invite);
    String ringing = sipMessage("183", "Call-ID: " + callId);
    String ok = sipMessage("200", "Call-ID: " + callId, "INVITE", "m=audio");
    assertThat(invite)
        .contains("\r\na=ice-lite\r\n")
        .contains("a=ice-pwd:")
        .contains("a=rtcp-mux")
        .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
    assertThat(invite.split("a=candidate:", -1)).as("exactly one candidate").hasSize(2);
    assertThat(match(CANDIDATE, invite)).isEqualTo(match(AUDIO_PORT, invite));
    assertThat(match(UFRAG, ringing)).isEqualTo(match(UFRAG, ok));

    Map<String, String> nominated = await(() -> first("ice.nominated", callId));
    assertThat(nominated.get("candidate")).endsWith(":" + match(AUDIO_PORT, invite));
    assertThat(first("ice.checkSucceeded", callId)).isNotNull();
    assertThat(rig.journalEvents("ice.failed")).isEmpty();
    // Teams → caller: the client's 440 Hz tone crossed Tandem's SRTP → RTP relay.
    await(() -> rig.toneShare(call) > 0.8 ? Boolean.TRUE : null);
    // Tandem → Teams: the client received authentic SRTP from Tandem (journaled as it closes).
    Map<String, String> received = await(() -> first("media.received", callId));
    assertThat(Long.parseLong(received.get("packets"))).isGreaterThan(50);
    assertThat(received.get("srtpRejected")).isEqualTo("0");
  }

  @Test
  void checkWithWrongPassword_gets401_andLatchesNothing_malformedStunIsDropped() throws Exception {
    rig = ConnectRig.withMediaBypass();
    rig.agent("ann", ANN);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");
    await(() -> rig.first(InteractionEvent.Connected.class));
    String invite = sipMessage("INVITE", "INVITE sip:" + ANN);
    String callId = match(Pattern.compile("Call-ID: (\\S+)"), invite);
    await(() -> first("ice.nominated", callId));
    InetSocketAddress tandem =
        new InetSocketAddress(
            InetAddress.getLoopbackAddress(), Integer.parseInt(match(AUDIO_PORT, invite)));
    IceCredentials forged = new IceCredentials(match(UFRAG, invite), "wrongwrongwrongwrongwr");

    try (DatagramSocket intruder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      intruder.setSoTimeout(50);
      SecureRandom random = new SecureRandom();
      ControllingCheck check =
          ControllingCheck.of(IceCredentials.random(random), forged, 1, 1, true, random);
      send(intruder, tandem, check.request());
      byte[] response = receive(intruder, 40);
      assertThat(response).as("a response to the forged check").isNotNull();
      assertThat(ControllingCheck.errorCode(response, response.length)).isEqualTo(401);

      send(intruder, tandem, new byte[] {0, 1, 0, 8, 0x21, 0x12, (byte) 0xa4, 0x42, 1, 2});
      assertThat(receive(intruder, 6)).as("Tandem answered junk or sent media to it").isNull();
    }

    // The call goes on: the client's tone still reaches the caller, nothing failed.
    await(() -> rig.toneShare(call) > 0.8 ? Boolean.TRUE : null);
    assertThat(rig.journalEvents("ice.failed")).isEmpty();
    assertThat(rig.first(InteractionEvent.Ended.class)).isNull();
  }

  private Map<String, String> first(String kind, String callId) {
    return rig.journalEvents(kind, callId).stream().findFirst().orElse(null);
  }

  private String sipMessage(String kind, String... parts) throws Exception {
    return await(
        () ->
            rig.journal(kind).stream()
                .filter(text -> Arrays.stream(parts).allMatch(text::contains))
                .findFirst()
                .orElse(null));
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern + " in\n" + text).isTrue();
    return matcher.group(1);
  }

  private static void send(DatagramSocket socket, InetSocketAddress to, byte[] bytes)
      throws Exception {
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  /** The first datagram within {@code polls} × 50 ms, or null. */
  private static byte[] receive(DatagramSocket socket, int polls) throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    for (int i = 0; i < polls; i++) {
      try {
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
      } catch (SocketTimeoutException nothingYet) {
        // poll again
      }
    }
    return null;
  }
}
