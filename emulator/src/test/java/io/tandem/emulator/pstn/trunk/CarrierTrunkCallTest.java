package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.siptext.SipText;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A PSTN caller dials a number a carrier trunk serves: the simulated carrier INVITEs the (fake)
 * contact center, hears its tone, presses digits as RFC 4733 events and hangs up or is hung up on.
 */
class CarrierTrunkCallTest {

  private static final String CALL =
      """
      {"from":"+17165550123","to":"+14255550190","displayName":"Pat Caller",
       "digits":[{"after":"PT1S","digits":"12#"}],
       "utterances":[{"after":"PT2S","text":"I want to pay my bill"}]}
      """;

  @Test
  void answeredCall_callerHearsTheCenter_centerGetsTheDigits_centerHangsUp() throws Exception {
    try (TrunkFixture fixture = new TrunkFixture(FakeContactCenter.udp())) {
      FakeContactCenter cc = fixture.cc;
      String callId = fixture.dial(CALL);

      SipText invite = cc.await("INVITE");
      assertThat(invite.requestUri())
          .isEqualTo("sip:+14255550190@cc.tandem.test:" + cc.port() + ";user=phone");
      assertThat(invite.header("From").orElseThrow())
          .startsWith("\"Pat Caller\" <sip:+17165550123@carrier.pstn.test;user=phone>;tag=");
      assertThat(invite.header("To").orElseThrow())
          .isEqualTo("<sip:+14255550190@cc.tandem.test;user=phone>");
      assertThat(invite.header("Call-ID").orElseThrow()).isEqualTo(callId);
      assertThat(invite.header("Content-Type").orElseThrow()).isEqualTo("application/sdp");
      assertThat(invite.body())
          .contains("m=audio " + invite.sdpPort() + " RTP/AVP 0 8 101\r\n")
          .contains("a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000")
          .contains("a=rtpmap:101 telephone-event/8000", "a=sendrecv");

      cc.respond(invite, 100, "Trying");
      cc.respond(invite, 180, "Ringing");
      fixture.awaitState(callId, "RINGING");
      cc.respondWithMedia(invite, 200, "OK");
      SipText ack = cc.await("ACK");
      assertThat(ack.requestUri()).isEqualTo("sip:queue@127.0.0.1:" + cc.port() + ";transport=udp");
      assertThat(ack.header("To").orElseThrow()).endsWith(";tag=" + cc.tag);
      fixture.awaitState(callId, "CONNECTED");

      fixture.clock.advance(Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofMillis(250));
      fixture.clock.advance(Duration.ofMillis(250));
      fixture.clock.advance(Duration.ofMillis(1500));
      awaitDigits(cc, "12#");
      JsonNode view =
          fixture.awaitView(
              callId,
              v ->
                  v.get("heard").get("soundSeconds").asDouble() >= 1.0
                      && v.get("media").get("packetsSent").asLong() > 0);
      assertThat(view.get("digitsSent").asString()).isEqualTo("12#");
      assertThat(view.get("said").get(0).get("text").asString()).isEqualTo("I want to pay my bill");
      assertThat(view.get("media").get("law").asString()).isEqualTo("PCMU");
      assertThat(cc.packets()).isPositive();
      assertThat(cc.payloadTypes()).contains(0, 101);

      byte[] wav =
          fixture
              .http
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              fixture.emulator.httpBaseUrl()
                                  + "/emulator/pstn/calls/"
                                  + callId
                                  + "/heard.wav"))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray())
              .body();
      PcmAudio heard = WavReader.read(wav);
      assertThat(heard.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(toneShare(heard, 440)).as("share of the heard power at 440 Hz").isGreaterThan(0.8);

      cc.sendInDialog(invite, "BYE", "", "");
      SipText ok = cc.awaitResponse("BYE");
      assertThat(ok.status()).isEqualTo(200);
      view = fixture.awaitState(callId, "ENDED");
      assertThat(view.get("endReason").asString()).isEqualTo("CONTACT_CENTER_HUNG_UP");
      assertThat(view.get("finalResponse").asString()).isEqualTo("200 OK");
      // (a 100 that JAIN-SIP's listener threads deliver after the 180 is dropped by the stack)
      assertThat(messages(view))
          .containsSubsequence(
              "out INVITE", "in 180 Ringing", "in 200 OK", "out ACK", "in BYE", "out 200 OK");
      assertThat(fixture.journal(callId, "caller.pressed")).hasSize(3);
      assertThat(fixture.journal(callId, "caller.said")).hasSize(1);
      assertThat(fixture.journal(callId, "trunk.ended").get(0).attributes())
          .containsEntry("reason", "CONTACT_CENTER_HUNG_UP");
    }
  }

  static void awaitDigits(FakeContactCenter cc, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!cc.digits().equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cc.digits()).isEqualTo(expected);
  }

  static List<String> messages(JsonNode view) {
    List<String> messages = new ArrayList<>();
    view.get("sip")
        .forEach(
            m -> messages.add(m.get("direction").asString() + " " + m.get("message").asString()));
    return messages;
  }

  /** The share of the audio's power at {@code hz}, over 100 ms blocks (whole cycles of 440 Hz). */
  static double toneShare(PcmAudio audio, double hz) {
    short[] samples = audio.samples();
    double tone = 0;
    double total = 0;
    for (int start = 0; start + 800 <= samples.length; start += 800) {
      short[] block = java.util.Arrays.copyOfRange(samples, start, start + 800);
      tone += Goertzel.power(block, hz, audio.sampleRate());
      total += FrameFormat.meanPower(block);
    }
    return total == 0 ? 0 : tone / total;
  }

  static String json(Object value) {
    return Json.text(value);
  }
}
