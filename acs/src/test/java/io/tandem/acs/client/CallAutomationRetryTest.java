package io.tandem.acs.client;

import static io.tandem.acs.client.ScriptedAcs.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, repeatability, paging and the bearer credential against a scripted ACS on loopback;
 * waits are recorded by the sleeper, so nothing here takes seconds.
 */
class CallAutomationRetryTest {

  static final String CONNECTED =
      "{\"callConnectionId\":\"c1\",\"serverCallId\":\"s1\",\"correlationId\":\"r1\","
          + "\"callConnectionState\":\"connecting\"}";
  static final String BUSY =
      "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"try later\"}}";

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
  private final List<Duration> waits = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedAcs acs;

  @AfterEach
  void stop() {
    acs.close();
  }

  private CallAutomationClient client(ScriptedAcs.Reply... script) throws Exception {
    acs = new ScriptedAcs(script);
    return new CallAutomationClient(
        acs.endpoint(),
        new AcsCredential.Hmac(Base64.getDecoder().decode(HmacSignerTest.KEY)),
        http,
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), waits::add),
        clock);
  }

  @Test
  void a503ThenA200_isRetriedAfterRetryAfter_withTheSameRepeatabilityHeaders() throws Exception {
    CallAutomationClient client =
        client(reply(503, BUSY, "Retry-After", "2"), reply(200, CONNECTED));

    CallConnection call = client.answer(AnswerCall.of("ctx", URI.create("https://app/cb")));

    assertThat(call.callConnectionId()).isEqualTo("c1");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(acs.received).hasSize(2);
    ScriptedAcs.Received first = acs.received.get(0);
    ScriptedAcs.Received second = acs.received.get(1);
    assertThat(first.pathAndQuery())
        .isEqualTo("/calling/callConnections:answer?api-version=2025-05-15");
    assertThat(first.header("Repeatability-Request-ID")).matches("[0-9a-f-]{36}");
    assertThat(second.header("Repeatability-Request-ID"))
        .isEqualTo(first.header("Repeatability-Request-ID"));
    assertThat(second.header("Repeatability-First-Sent"))
        .isEqualTo(first.header("Repeatability-First-Sent"))
        .isEqualTo("Sat, 21 Nov 2026 09:00:00 GMT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("Authorization")).startsWith("HMAC-SHA256 SignedHeaders=");
    assertThat(second.header("x-ms-content-sha256"))
        .isEqualTo(HmacSigner.contentHash(first.body().getBytes()));
  }

  @Test
  void a429_honoursRetryAfterMs_andEachOperationGetsItsOwnRepeatabilityId() throws Exception {
    CallAutomationClient client =
        client(
            reply(
                429,
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}",
                "retry-after-ms",
                "1500"),
            reply(202, "{\"invitationId\":\"i1\"}"));

    AddedParticipant added =
        client.addParticipant(
            "c1",
            AddParticipant.of(new Identifier.Phone("+14255550101"), Duration.ofSeconds(30), null));
    client.addParticipant(
        "c1",
        AddParticipant.of(new Identifier.Phone("+14255550102"), Duration.ofSeconds(30), null));

    assertThat(added.invitationId()).isEqualTo("i1");
    assertThat(waits).containsExactly(Duration.ofMillis(1500));
    assertThat(acs.received).hasSize(3);
    assertThat(acs.received.get(1).header("Repeatability-Request-ID"))
        .isEqualTo(acs.received.get(0).header("Repeatability-Request-ID"))
        .isNotEqualTo(acs.received.get(2).header("Repeatability-Request-ID"));
  }

  @Test
  void retriesExhausted_throwRetriable_afterDoublingBackoff() throws Exception {
    CallAutomationClient client = client(reply(500, BUSY));

    AcsException failed = catchThrowableOfType(AcsException.class, () -> client.get("c1"));

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.code()).isEqualTo("ServiceUnavailable");
    assertThat(failed.retriable()).isTrue();
    assertThat(failed.msCv()).isEqualTo("cv-3");
    assertThat(acs.received).hasSize(3);
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(acs.received.get(0).header("Repeatability-Request-ID"))
        .as("GET is not a repeatable operation")
        .isNull();
  }

  @Test
  void aRetryAfterBeyondTheLimit_failsAtOnce_andA4xxIsNeverRetried() throws Exception {
    CallAutomationClient client =
        client(
            reply(503, BUSY, "Retry-After", "60"),
            reply(
                400,
                "{\"error\":{\"code\":\"BadRequest\",\"message\":\"m\",\"target\":\"tones\"}}"));

    AcsException tooLong = catchThrowableOfType(AcsException.class, () -> client.get("c1"));
    assertThat(tooLong.status()).isEqualTo(503);
    AcsException bad =
        catchThrowableOfType(
            AcsException.class,
            () ->
                client.sendDtmfTones("c1", List.of(Tone.ONE), new Identifier.Phone("+1555"), null));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.target()).isEqualTo("tones");
    assertThat(bad.retriable()).isFalse();
    assertThat(acs.received).hasSize(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void unreachable_isRetriable_status0() throws Exception {
    CallAutomationClient client = client(reply(200, "{}"));
    acs.close();

    AcsException unreachable = catchThrowableOfType(AcsException.class, () -> client.get("c1"));

    assertThat(unreachable.status()).isZero();
    assertThat(unreachable.code()).isEqualTo("Unreachable");
    assertThat(unreachable.retriable()).isTrue();
    assertThat(waits).hasSize(2);
  }

  @Test
  void participants_followNextLink_pageByPage() throws Exception {
    String phone = "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550123\"}}";
    CallAutomationClient client =
        client(
            reply(
                200,
                "{\"value\":[{\"identifier\":"
                    + phone
                    + ",\"isMuted\":true}],"
                    + "\"nextLink\":\"/calling/callConnections/c%2F1/participants?skip=1\"}"),
            reply(
                200,
                "{\"value\":[{\"identifier\":{\"kind\":\"unknown\",\"rawId\":\"28:orgid:ra\"},"
                    + "\"isOnHold\":true}]}"));

    List<CallParticipant> participants = client.participants("c/1");

    assertThat(participants)
        .containsExactly(
            new CallParticipant(new Identifier.Phone("+14255550123"), true, false),
            new CallParticipant(new Identifier.TeamsApp("ra"), false, true));
    assertThat(acs.received)
        .extracting(ScriptedAcs.Received::pathAndQuery)
        .containsExactly(
            "/calling/callConnections/c%2F1/participants?api-version=2025-05-15",
            "/calling/callConnections/c%2F1/participants?skip=1&api-version=2025-05-15");
  }

  @Test
  void aNextLinkToAnotherHost_isRefused_withoutSendingCredentialsThere() throws Exception {
    CallAutomationClient client =
        client(reply(200, "{\"value\":[],\"nextLink\":\"https://elsewhere.example/steal\"}"));

    AcsException refused =
        catchThrowableOfType(AcsException.class, () -> client.participants("c1"));

    assertThat(refused.code()).isEqualTo("ForeignUrl");
    assertThat(refused.retriable()).isFalse();
    assertThat(acs.received).hasSize(1);
  }

  @Test
  void entraCredential_sendsTheBearerTokenAndXmsHost_withoutSigning() throws Exception {
    acs = new ScriptedAcs(reply(200, "{\"value\":[]}"));
    CallAutomationClient client =
        new CallAutomationClient(
            acs.endpoint(),
            new AcsCredential.Entra("contoso-acs.communication.azure.com", () -> "token-1"),
            http,
            RetryPolicy.DEFAULT,
            clock);

    assertThat(client.participants("c1")).isEmpty();

    ScriptedAcs.Received request = acs.received.get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
    assertThat(request.header("x-ms-host")).isEqualTo("contoso-acs.communication.azure.com");
    assertThat(request.header("x-ms-content-sha256")).isNull();
    assertThat(request.header("x-ms-client-request-id")).isNotBlank();
  }
}
