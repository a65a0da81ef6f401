package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpProtector;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.media.srtp.SrtpUnprotector;
import io.tandem.sip.sdp.SrtpMode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SRTP between Tandem and the emulated Microsoft media processor, which requires it (as Microsoft
 * does): the agent leg's SDP carries RTP/SAVP and SDES keys, what Tandem sends authenticates only
 * under its own key, forged packets are dropped, and a leg without crypto is refused both ways.
 */
class ConnectSrtpEndToEndTest {

  private static final String ANN = "+14255550401";
  private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
  private static final Pattern CRYPTO =
      Pattern.compile("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:([A-Za-z0-9+/=]{40})");
  private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) RTP/SAVP");

  private ConnectRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void agentLeg_isSrtpOnTheWire_andTheCallerHearsTheAgentThroughTheRelay() throws Exception {
    rig = new ConnectRig();
    rig.agent("ann", ANN);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");
    await(() -> rig.first(InteractionEvent.Connected.class));

    String invite = sipMessage("INVITE", "INVITE sip:" + ANN);
    String callId = match(Pattern.compile("Call-ID: (\\S+)"), invite);
    String ok = sipMessage("200", "Call-ID: " + callId, "INVITE", "m=audio");
    assertThat(invite).contains("m=audio ").contains(" RTP/SAVP 0 8 101");
    assertThat(ok).contains(" RTP/SAVP 0 101");
    MasterKey tandemKey = key(invite);
    MasterKey teamsKey = key(ok);
    int tandemPort = Integer.parseInt(match(AUDIO_PORT, invite));
    assertThat(tandemKey).isNotEqualTo(teamsKey);

    try (DatagramSocket intruder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      intruder.setSoTimeout(50);
      InetSocketAddress tandem =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), tandemPort);
      // Plain RTP and a tampered SRTP packet are dropped: Tandem never latches onto their source.
      send(intruder, tandem, RtpPacket.of(false, 0, 1, 160, 0x5EC0, silence()).toBytes());
      byte[] tampered = protect(teamsKey, 2);
      tampered[20] ^= 1;
      send(intruder, tandem, tampered);
      assertThat(receive(intruder, 6)).as("Tandem sent to a forger").isNull();

      // An authentic packet under the Teams key (a new SSRC from a new address) is latched onto,
      // and what Tandem then sends is SRTP under its own key.
      byte[] captured = null;
      for (int sequence = 3; sequence < 60 && captured == null; sequence++) {
        send(intruder, tandem, protect(teamsKey, sequence));
        captured = receive(intruder, 1);
      }
      assertThat(captured).as("a packet from Tandem after an authentic one").isNotNull();
      assertThat(captured).hasSize(12 + 160 + 10);
      byte[] underTeamsKey = captured.clone();
      assertThat(new SrtpUnprotector(SUITE, teamsKey).unprotect(underTeamsKey, captured.length))
          .isEqualTo(SrtpUnprotector.UNAUTHENTIC);
      byte[] plain = captured.clone();
      assertThat(new SrtpUnprotector(SUITE, tandemKey).unprotect(plain, captured.length))
          .isEqualTo(172);
      assertThat(Arrays.copyOfRange(captured, 12, 172))
          .as("the payload on the wire is not the G.711 Tandem relays")
          .isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
    }

    // The Teams side's 440 Hz tone reached the caller through Tandem's SRTP → RTP relay.
    await(() -> rig.toneShare(call) > 0.8 ? Boolean.TRUE : null);
  }

  @Test
  void carrierOfferWithoutCrypto_onARequiredTrunk_488WithAWarning() throws Exception {
    rig = ConnectRig.withSrtp(new ConnectRig.Srtp(SrtpMode.REQUIRED, SrtpMode.REQUIRED, true));

    rig.dial("\"talkFor\":\"PT2S\"");

    String refused = await(() -> rig.journal("488").stream().findFirst().orElse(null));
    assertThat(refused)
        .contains("Warning: 399 tandem")
        .contains("SRTP is required on this trunk")
        .contains("RTP/AVP");
  }

  @Test
  void plainAgentOffer_isRefusedByTheMediaProcessor_488WithMicrosoftsDiagnostic() throws Exception {
    rig = ConnectRig.withSrtp(new ConnectRig.Srtp(SrtpMode.OFF, SrtpMode.OFF, true));
    rig.agent("ann", ANN);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT4S\"");

    String refused = await(() -> rig.journal("488").stream().findFirst().orElse(null));
    assertThat(refused).contains("531000").contains("requires SRTP");
    assertThat(sipMessage("INVITE", "INVITE sip:" + ANN))
        .contains(" RTP/AVP 0 8 101")
        .doesNotContain("a=crypto");
    assertThat(rig.first(InteractionEvent.Connected.class)).isNull();
  }

  private String sipMessage(String kind, String... parts) throws Exception {
    return await(
        () ->
            rig.journal(kind).stream()
                .filter(text -> Arrays.stream(parts).allMatch(text::contains))
                .findFirst()
                .orElse(null));
  }

  private static MasterKey key(String sdp) {
    return MasterKey.fromBase64(match(CRYPTO, sdp));
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern + " in\n" + text).isTrue();
    return matcher.group(1);
  }

  private static byte[] silence() {
    byte[] payload = new byte[160];
    Arrays.fill(payload, (byte) 0xFF);
    return payload;
  }

  private static byte[] protect(MasterKey key, int sequence) {
    RtpPacket packet = RtpPacket.of(false, 0, sequence, 160L * sequence, 0x5EC0, silence());
    byte[] bytes = Arrays.copyOf(packet.toBytes(), packet.encodedLength() + 10);
    int length = new SrtpProtector(SUITE, key).protect(bytes, packet.encodedLength());
    return Arrays.copyOf(bytes, length);
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
