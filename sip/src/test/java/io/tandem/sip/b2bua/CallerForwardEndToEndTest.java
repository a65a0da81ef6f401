package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.prompts.DefaultPrompts;
import io.tandem.media.wav.Resampler;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippProcess;
import io.tandem.sip.sipp.SippResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The domain forwards a caller to a phone number (a queue's overflow or no-agent action, a flow's
 * decision) and Connect carries the call there ({@link CallerForward}): through the carrier gateway
 * of an outbound trunk (SIPp plays the gateway) or over Direct Routing (the emulator's Teams
 * users); the caller talks to the number through Tandem, either side's BYE ends the other, and a
 * forward that fails ends with the goodbye prompt and Tandem's BYE. Every call leaves the call
 * table.
 */
class CallerForwardEndToEndTest {

  private static final String ABROAD = "+4930901820";
  private static final String CALLER = "+14255557777";
  private static final String BEA = "+14255550405";
  private static final double CALLER_TONE_HZ = 600;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void queueOverflowsToACarrierNumber_answered_relayedBothWays_gatewayByeEndsTheCall()
      throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            gateway(
                Sipp.scenario("forward-target-answers.xml")
                    .key("caller", CALLER)
                    .key("talk_ms", "6000")
                    .rtpEcho());
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      callerSendsATone(rig);
      queue(rig, b -> b.maxWait(Duration.ofSeconds(2)).overflowAction(toNumber(ABROAD)));
      String call = rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]");

      InteractionEvent.Ended ended =
          ConnectRig.await(() -> rig.first(InteractionEvent.Ended.class));
      assertThat(ended.reason()).isEqualTo("forwarded:" + ABROAD);
      // the caller's tone went to the gateway and its echo came back: relayed both ways
      ConnectRig.await(() -> rig.toneShare(call, CALLER_TONE_HZ) > 0.9 ? true : null);
      // the gateway's BYE ends the caller's call
      SippResult result = gateway.awaitExit(Duration.ofSeconds(40));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
      ConnectRig.await(() -> ended(rig, call) ? true : null);
      assertThat(endReason(rig, call)).isEqualTo("CONTACT_CENTER_HUNG_UP");
      awaitTableEmpty(rig);
      assertThat(rig.journal("INVITE")).noneMatch(text -> text.startsWith("INVITE sip:" + ABROAD));
      assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
      assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    }
  }

  @Test
  void noAgentForwardsOverDirectRouting_teamsUserAnswers_callerByeEndsTheirLeg() throws Exception {
    try (ConnectRig rig = new ConnectRig()) {
      queue(rig, b -> b.noAgentAction(toNumber(BEA)));
      String call =
          rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");

      InteractionEvent.Ended ended =
          ConnectRig.await(() -> rig.first(InteractionEvent.Ended.class));
      assertThat(ended.reason()).isEqualTo("forwarded:" + BEA);
      // Bea's Teams client answers the SBC's INVITE and its tone reaches the caller
      ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
      assertThat(rig.journal("INVITE"))
          .anyMatch(text -> text.startsWith("INVITE sip:" + BEA + "@"))
          .filteredOn(text -> text.startsWith("INVITE sip:" + BEA + "@"))
          .allMatch(text -> text.contains("X-MS-SBC:"));
      // the caller hangs up (talkFor): Tandem's BYE ends Bea's leg
      ConnectRig.await(() -> ended(rig, call) ? true : null);
      ConnectRig.await(
          () ->
              rig.journal("BYE").stream()
                      .anyMatch(
                          bye ->
                              bye.startsWith("BYE sip:sip.pstnhub.microsoft.com")
                                  && bye.contains("To: <sip:" + BEA + "@"))
                  ? true
                  : null);
      awaitTableEmpty(rig);
      assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    }
  }

  @Test
  void forwardTargetBusy_callerHearsGoodbye_thenTandemsBye() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway = gateway(Sipp.scenario("carrier-gateway-busy.xml"));
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      queue(rig, b -> b.maxWait(Duration.ofSeconds(1)).overflowAction(toNumber(ABROAD)));
      String call = rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]");

      ConnectRig.await(() -> ended(rig, call) ? true : null);
      assertThat(endReason(rig, call)).isEqualTo("CONTACT_CENTER_HUNG_UP");
      assertThat(heardGoodbye(rig, call)).as("the goodbye prompt's correlation").isGreaterThan(0.9);
      SippResult result = gateway.awaitExit(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      awaitTableEmpty(rig);
      assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    }
  }

  @Test
  void forwardTargetNeverAnswers_cancelledAtTheRingLimit_callerHearsGoodbye_thenTandemsBye()
      throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway = gateway(Sipp.scenario("forward-target-rings-until-cancelled.xml"));
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      queue(rig, b -> b.maxWait(Duration.ofSeconds(1)).overflowAction(toNumber(ABROAD)));
      String call = rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]");

      // Tandem cancels once the number has rung for ThirdParty.RING_LIMIT
      SippResult result = gateway.awaitExit(ThirdParty.RING_LIMIT.plusSeconds(20));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
      ConnectRig.await(() -> ended(rig, call) ? true : null);
      assertThat(endReason(rig, call)).isEqualTo("CONTACT_CENTER_HUNG_UP");
      assertThat(heardGoodbye(rig, call)).as("the goodbye prompt's correlation").isGreaterThan(0.9);
      awaitTableEmpty(rig);
    }
  }

  @Test
  void flowForwards_callerHangsUpWhileTheNumberRings_forwardCancelled() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway = gateway(Sipp.scenario("forward-target-rings-until-cancelled.xml"));
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String call =
          rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"7\"}],\"talkFor\":\"PT6S\"");

      InteractionEvent.Ended ended =
          ConnectRig.await(() -> rig.first(InteractionEvent.Ended.class));
      assertThat(ended.reason()).isEqualTo("forwarded:" + ConnectRig.FLOW_FORWARD_NUMBER);
      assertThat(rig.events(InteractionEvent.Queued.class)).isEmpty();
      // the caller's BYE (talkFor) cancels the ringing forward: CANCEL → 200, 487 → ACK
      SippResult result = gateway.awaitExit(Duration.ofSeconds(40));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
      ConnectRig.await(() -> ended(rig, call) ? true : null);
      awaitTableEmpty(rig);
      assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    }
  }

  @Test
  void forwardToANumberNobodyServes_callerHearsGoodbye_thenTandemsBye() throws Exception {
    try (ConnectRig rig = new ConnectRig()) {
      String nobody = "+14255550499";
      queue(rig, b -> b.noAgentAction(toNumber(nobody)));
      String call = rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]");

      InteractionEvent.Ended ended =
          ConnectRig.await(() -> rig.first(InteractionEvent.Ended.class));
      assertThat(ended.reason()).isEqualTo("forwarded:" + nobody);
      ConnectRig.await(() -> ended(rig, call) ? true : null);
      assertThat(endReason(rig, call)).isEqualTo("CONTACT_CENTER_HUNG_UP");
      assertThat(heardGoodbye(rig, call)).as("the goodbye prompt's correlation").isGreaterThan(0.9);
      awaitTableEmpty(rig);
    }
  }

  /** The carrier's gateway as {@code scenario} plays it, for one call, at most a minute. */
  private static SippProcess gateway(Sipp scenario) {
    return scenario.calls(1).timeout(Duration.ofSeconds(60)).startUas();
  }

  private static QueueAction toNumber(String number) {
    return new QueueAction.ToNumber(number);
  }

  /** Reconfigures the rig's billing queue (no agents logged in) as {@code change} says. */
  private static void queue(ConnectRig rig, UnaryOperator<QueueConfig.Builder> change) {
    rig.tell(
            t ->
                t.configureQueue(
                    change
                        .apply(
                            QueueConfig.builder("billing")
                                .skills("billing >= 1")
                                .ringTimeout(Duration.ofSeconds(4)))
                        .build()))
        .join();
  }

  /** No caller call and no leg left in the node's call table. */
  private static void awaitTableEmpty(ConnectRig rig) throws Exception {
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    ConnectRig.await(() -> rig.node.activeLegs() == 0 ? true : null);
  }

  private static boolean ended(ConnectRig rig, String call) throws Exception {
    return rig.callView(call).path("state").asString().equals("ENDED");
  }

  private static String endReason(ConnectRig rig, String call) throws Exception {
    return rig.callView(call).path("endReason").asString();
  }

  /** The emulator's callers send a steady {@link #CALLER_TONE_HZ} tone. */
  private void callerSendsATone(ConnectRig rig) throws Exception {
    HttpResponse<String> changed =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(rig.emulator.httpBaseUrl() + "/emulator/pstn/trunk/settings"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"callerAudio\":\"tone:" + (int) CALLER_TONE_HZ + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
  }

  /**
   * How well the middle half second of the default goodbye prompt matches the best place in the
   * last 8 s the caller heard (normalised cross-correlation: 1 is the same waveform).
   */
  private static double heardGoodbye(ConnectRig rig, String call) throws Exception {
    PcmAudio prompt = Resampler.toNarrowband(DefaultPrompts.audio("goodbye").orElseThrow());
    short[] p = prompt.samples();
    int length = 4000;
    short[] window = Arrays.copyOfRange(p, p.length / 2 - length / 2, p.length / 2 + length / 2);
    short[] all = rig.heard(call);
    short[] h = Arrays.copyOfRange(all, Math.max(0, all.length - 64_000), all.length);
    double windowNorm = norm(window, 0, length);
    double best = 0;
    for (int offset = 0; offset + length <= h.length; offset++) {
      double dot = 0;
      for (int i = 0; i < length; i++) {
        dot += (double) window[i] * h[offset + i];
      }
      double heardNorm = norm(h, offset, length);
      if (heardNorm > 0) {
        best = Math.max(best, dot / (windowNorm * heardNorm));
      }
    }
    return best;
  }

  private static double norm(short[] samples, int from, int length) {
    double sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum);
  }
}
