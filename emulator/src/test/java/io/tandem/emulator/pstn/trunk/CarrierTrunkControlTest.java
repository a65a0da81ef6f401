package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The control API's refusals for trunk calls, the settings, and requests the carrier refuses. */
class CarrierTrunkControlTest {

  private static TrunkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new TrunkFixture(FakeContactCenter.udp());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void health_listsTheTrunkTerminator() throws Exception {
    assertThat(Json.parse(fixture.get("/emulator/health").body()).get("pstnTerminators").toString())
        .contains("\"trunk\"");
  }

  @Test
  void numberNoTerminatorServes_404Problem() throws Exception {
    HttpResponse<String> refused =
        fixture.send(
            "POST", "/emulator/pstn/calls", "{\"from\":\"+17165550123\",\"to\":\"+19995550100\"}");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.parse(refused.body()).get("title").asString())
        .isEqualTo("Number not reachable");
  }

  @Test
  void resourceAccountNumber_goesToItsTerminatorNotTheTrunk() throws Exception {
    HttpResponse<String> placed =
        fixture.send(
            "POST", "/emulator/pstn/calls", "{\"from\":\"+17165550123\",\"to\":\"+14255550100\"}");
    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(Json.parse(placed.body()).get("terminator").asString()).isEqualTo("graph");
  }

  @Test
  void malformedCallerNumber_400() throws Exception {
    HttpResponse<String> refused =
        fixture.send(
            "POST", "/emulator/pstn/calls", "{\"from\":\"07165550123\",\"to\":\"+14255550190\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.parse(refused.body()).get("detail").asString()).contains("from must be +E164");
  }

  @Test
  void malformedJson_400() throws Exception {
    assertThat(fixture.send("POST", "/emulator/pstn/calls", "{\"from\":").statusCode())
        .isEqualTo(400);
  }

  @Test
  void unknownCallId_404Problem_forTheCallAndItsAudio() throws Exception {
    HttpResponse<String> missing = fixture.get("/emulator/pstn/calls/no-such-call");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Json.parse(missing.body()).get("title").asString()).isEqualTo("No such trunk call");
    assertThat(fixture.get("/emulator/pstn/calls/no-such-call/heard.wav").statusCode())
        .isEqualTo(404);
  }

  @Test
  void settings_readChangedAndRefused() throws Exception {
    JsonNode defaults = Json.parse(fixture.get("/emulator/pstn/trunk/settings").body());
    assertThat(defaults.get("callerAudio").asString()).isEqualTo("voice");
    assertThat(defaults.get("heardLimit").asString()).isEqualTo("PT2M");
    assertThat(defaults.get("keyGap").asString()).isEqualTo("PT0.25S");

    HttpResponse<String> changed =
        fixture.send("PUT", "/emulator/pstn/trunk/settings", "{\"callerAudio\":\"tone:300\"}");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(fixture.carrier().settings().callerAudio()).isEqualTo("tone:300");
    fixture.send("PUT", "/emulator/pstn/trunk/settings", "{\"callerAudio\":\"voice\"}");

    assertThat(
            fixture.send("PUT", "/emulator/pstn/trunk/settings", "{\"loudness\":3}").statusCode())
        .isEqualTo(400);
    assertThat(
            fixture
                .send("PUT", "/emulator/pstn/trunk/settings", "{\"callerAudio\":\"/no/such.wav\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            fixture
                .send("PUT", "/emulator/pstn/trunk/settings", "{\"keyGap\":\"PT0.01S\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(fixture.send("PUT", "/emulator/pstn/trunk/settings", "[1]").statusCode())
        .isEqualTo(400);
  }

  @Test
  void carrierAnswersOptions_refusesInvites_481ForUnknownDialogs() throws Exception {
    int carrier =
        fixture.carrier().listenPoint(io.tandem.emulator.directrouting.sip.SipTransport.UDP).port();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5000);
      assertThat(exchange(socket, carrier, "OPTIONS", "")).startsWith("SIP/2.0 200 OK");
      assertThat(exchange(socket, carrier, "INVITE", "")).startsWith("SIP/2.0 403 Forbidden");
      assertThat(exchange(socket, carrier, "BYE", ";tag=abc"))
          .startsWith("SIP/2.0 481 Call/Transaction Does Not Exist");
    }
  }

  private static String exchange(DatagramSocket socket, int port, String method, String toTag)
      throws Exception {
    String text =
        method
            + " sip:+17165550123@127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + socket.getLocalPort()
            + ";branch=z9hG4bK"
            + method
            + System.nanoTime()
            + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:cc@cc.tandem.test>;tag=cc1\r\n"
            + "To: <sip:+17165550123@carrier.pstn.test>"
            + toTag
            + "\r\n"
            + "Call-ID: control-"
            + method
            + System.nanoTime()
            + "\r\n"
            + "CSeq: 1 "
            + method
            + "\r\n"
            + "Contact: <sip:cc@127.0.0.1:"
            + socket.getLocalPort()
            + ">\r\n"
            + "Content-Length: 0\r\n\r\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    byte[] buffer = new byte[65536];
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException silent) {
        throw new AssertionError("no response to " + method);
      }
      String response = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
      if (!response.startsWith("SIP/2.0 100")) {
        return response;
      }
    }
  }
}
