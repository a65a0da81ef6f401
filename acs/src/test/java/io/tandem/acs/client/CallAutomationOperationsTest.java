package io.tandem.acs.client;

import static io.tandem.acs.client.EmulatedAcs.BOT_APP;
import static io.tandem.acs.client.EmulatedAcs.SALES_ACCOUNT;
import static io.tandem.acs.client.EmulatedAcs.TENANT;
import static io.tandem.acs.client.EmulatedAcs.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.TokenRefusedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rest of the operations against the emulator: reject, createCall as the resource account,
 * continuous and sent DTMF, hold, cancelling media, streams on answer, and the Entra credential.
 */
class CallAutomationOperationsTest {

  private final EmulatedAcs acs;

  CallAutomationOperationsTest() throws Exception {
    acs = new EmulatedAcs();
  }

  @AfterEach
  void stop() {
    acs.close();
  }

  @Test
  void reject_endsTheRinging_soTheContextCannotBeAnsweredAfterwards() throws Exception {
    acs.dial("");
    String context = acs.app.incomingCall().path("data").path("incomingCallContext").asString();

    acs.client.reject(context, RejectReason.BUSY);

    AcsException late =
        catchThrowableOfType(
            AcsException.class,
            () -> acs.client.answer(AnswerCall.of(context, acs.app.url("/callbacks"))));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.target()).isEqualTo("incomingCallContext");
  }

  @Test
  void redirect_handsTheRingingCallToATeamsUser() throws Exception {
    acs.dial("");
    String context = acs.app.incomingCall().path("data").path("incomingCallContext").asString();

    acs.client.redirect(context, new Identifier.TeamsUser(EmulatedAcs.ALICE));

    AcsException late =
        catchThrowableOfType(
            AcsException.class,
            () -> acs.client.answer(AnswerCall.of(context, acs.app.url("/callbacks"))));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.target()).isEqualTo("incomingCallContext");
  }

  @Test
  void createCall_asTheResourceAccount_connectsAPstnTarget_andAForeignSourceIsForbidden()
      throws Exception {
    CallConnection call =
        acs.client.createCall(
            new CreateCall(
                List.of(new Identifier.Phone("+14255550999")),
                acs.app.url("/callbacks"),
                EmulatedAcs.SALES_NUMBER,
                SALES_ACCOUNT,
                "outbound"));

    assertThat(call.state()).isEqualTo("connecting");
    acs.advance(Duration.ofSeconds(2));
    JsonNode connected = acs.app.callback(call.callConnectionId(), "CallConnected");
    assertThat(connected.path("data").path("operationContext").asString()).isEqualTo("outbound");

    AcsException forbidden =
        catchThrowableOfType(
            AcsException.class,
            () ->
                acs.client.createCall(
                    new CreateCall(
                        List.of(new Identifier.Phone("+14255550999")),
                        acs.app.url("/callbacks"),
                        EmulatedAcs.SALES_NUMBER,
                        "99999999-0000-4000-8000-000000000000",
                        null)));
    assertThat(forbidden.status()).isEqualTo(403);
  }

  @Test
  void continuousDtmf_reportsEachTone_andSendDtmfTonesCompletes() throws Exception {
    String id =
        acs.answered("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"7*\"}]").callConnectionId();

    acs.client.startContinuousDtmf(id, caller(), "listen");
    acs.advance(Duration.ofSeconds(2));
    assertThat(tone(id)).isEqualTo("seven");
    assertThat(tone(id)).isEqualTo("asterisk");
    acs.client.stopContinuousDtmf(id, caller(), "listen");
    acs.app.callback(id, "ContinuousDtmfRecognitionStopped");

    acs.client.sendDtmfTones(id, List.of(Tone.ONE, Tone.POUND), caller(), "send");
    acs.advance(Duration.ofSeconds(1));
    JsonNode sent = acs.app.callback(id, "SendDtmfTonesCompleted");
    assertThat(sent.path("data").path("operationContext").asString()).isEqualTo("send");
  }

  private String tone(String id) throws InterruptedException {
    return acs.app
        .callback(id, "ContinuousDtmfRecognitionToneReceived")
        .path("data")
        .path("tone")
        .asString();
  }

  @Test
  void holdWithMusic_andUnhold_showInTheParticipants_andCancelAllStopsALoopingPlay()
      throws Exception {
    String id = acs.answered("").callConnectionId();

    acs.client.hold(
        id, caller(), new PlaySource.File(acs.app.url("/audio/hello.wav"), "moh"), null);
    assertThat(acs.client.participants(id))
        .containsExactly(new CallParticipant(caller(), false, true));
    acs.client.unhold(id, caller(), null);
    assertThat(acs.client.participants(id))
        .containsExactly(new CallParticipant(caller(), false, false));

    acs.client.play(
        id,
        new Play(
            List.of(new PlaySource.Text("Please hold", "en-US", "en-US-JennyNeural")),
            List.of(caller()),
            true,
            true,
            "queue"));
    acs.app.callback(id, "PlayStarted");
    acs.client.cancelAllMediaOperations(id);
    JsonNode canceled = acs.app.callback(id, "PlayCanceled");
    assertThat(canceled.path("data").path("operationContext").asString()).isEqualTo("queue");
  }

  @Test
  void transcriptionAndMediaStreamingOptions_onAnswer_reachTheEmulator() throws Exception {
    acs.dial("");
    String context = acs.app.incomingCall().path("data").path("incomingCallContext").asString();
    URI nowhere = URI.create("ws://127.0.0.1:1/streams");

    String id =
        acs.client
            .answer(
                new AnswerCall(
                    context,
                    acs.app.url("/callbacks"),
                    null,
                    new TranscriptionOptions(nowhere, "en-US", false, true),
                    new MediaStreamingOptions(nowhere, "mixed", false, false, "pcm16KMono")))
            .callConnectionId();
    acs.app.callback(id, "CallConnected");

    acs.client.startTranscription(id, "en-GB", "transcribe");
    JsonNode transcription = acs.app.callback(id, "TranscriptionFailed");
    assertThat(transcription.path("data").path("operationContext").asString())
        .isEqualTo("transcribe");
    acs.client.startMediaStreaming(id, "stream");
    acs.app.callback(id, "MediaStreamingFailed");
  }

  @Test
  void entraCredential_withTheEmulatorsToken_isAccepted_andAForgedTokenIs401() throws Exception {
    EntraTokenClient tokens =
        EntraTokenClient.of(
            new ClientCredentials(
                URI.create(acs.emulator.httpBaseUrl()),
                TENANT,
                BOT_APP,
                "bot-secret-1",
                "https://communication.azure.com//.default"),
            acs.http,
            acs.clock);
    CallAutomationClient entra =
        new CallAutomationClient(
            acs.endpoint(),
            new AcsCredential.Entra(
                "contoso-acs.communication.azure.com",
                () -> {
                  try {
                    return tokens.accessToken();
                  } catch (TokenRefusedException refused) {
                    throw new IllegalStateException(refused);
                  }
                }),
            acs.http,
            RetryPolicy.DEFAULT,
            acs.clock);

    entra.assignResourceAccount(TENANT, SALES_ACCOUNT);
    entra.removeAssignment(TENANT, SALES_ACCOUNT);

    CallAutomationClient forged =
        new CallAutomationClient(
            acs.endpoint(),
            new AcsCredential.Entra("contoso-acs.communication.azure.com", () -> "not-a-token"),
            acs.http,
            RetryPolicy.DEFAULT,
            acs.clock);
    AcsException refused =
        catchThrowableOfType(
            AcsException.class, () -> forged.assignResourceAccount(TENANT, SALES_ACCOUNT));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.getMessage()).doesNotContain("not-a-token");
  }
}
