package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Consultative transfer ({@code transferTarget.replacesCallId}) over HTTP: the bot holds a PSTN
 * caller on one call and Alice on a consultation call, then joins them; both bot calls end with
 * {@code terminationReason: AppTransferred}, and the caller talks to Alice. A replaced call that is
 * not the bot's fails with 500/7700.
 */
class ConsultativeTransferTest extends BotPerTest {

  private static final int ROUNDS = 30;

  @Test
  void transferWithReplacesCallId_joinsTheCallerToAlice_andEndsBothBotCalls() throws Exception {
    String callerCall = bot.incomingAnswered(CALLER);
    String consultation = consultAlice();
    String calls = "/communications/calls/";

    HttpResponse<String> transfer =
        bot.graph(
            "POST",
            calls + callerCall + "/transfer",
            """
            {"transferTarget":{"@odata.type":"#microsoft.graph.invitationParticipantInfo",
              "endpointType":"default",
              "identity":{"@odata.type":"#microsoft.graph.identitySet",
                "user":{"id":"%s","displayName":"Alice Agent"}},
              "replacesCallId":"%s"}}"""
                .formatted(ALICE, consultation));

    assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
    assertThat(bot.nextOn(calls + callerCall).state()).isEqualTo("transferring");
    assertThat(bot.nextOn(calls + callerCall).state()).isEqualTo("transferAccepted");
    GraphBot.Notification transferred = bot.nextOn(calls + callerCall);
    assertThat(transferred.changeType()).isEqualTo("deleted");
    assertThat(transferred.state()).isEqualTo("terminated");
    assertThat(transferred.data().path("terminationReason").asString()).isEqualTo("AppTransferred");
    assertThat(transferred.data().path("resultInfo").toString())
        .contains("\"code\":0", "\"subcode\":7015", "GracefulTransferCompleted");
    GraphBot.Notification replaced = bot.nextOn(calls + consultation);
    assertThat(replaced.changeType()).isEqualTo("deleted");
    assertThat(replaced.state()).isEqualTo("terminated");
    assertThat(replaced.data().path("terminationReason").asString()).isEqualTo("AppTransferred");
    assertThat(bot.graph("GET", calls + callerCall, null).statusCode()).isEqualTo(404);
    assertThat(bot.graph("GET", calls + consultation, null).statusCode()).isEqualTo(404);

    assertThat(bot.journal("caller.connectedToPerson", callerCall))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("person", ALICE));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE))
        .as("Alice now talks to the caller")
        .isEqualTo(1);
    bot.advance(Duration.ofSeconds(40));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
  }

  @Test
  void qualifiedPath_replacesCallIdOfNoLiveCall_fails7700_andTheCallStaysEstablished()
      throws Exception {
    String callId = bot.incomingAnswered(CALLER);
    String calls = "/communications/calls/" + callId;

    HttpResponse<String> transfer =
        bot.graph(
            "POST",
            calls + "/microsoft.graph.transfer",
            "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
                + ALICE
                + "\"}},\"replacesCallId\":\"e5d39592-99bd-4db8-bca8-30fb894ec51d\"}}");

    assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
    assertThat(bot.nextOn(calls).state()).isEqualTo("transferring");
    GraphBot.Notification failed = bot.nextOn(calls);
    assertThat(failed.state()).isEqualTo("established");
    assertThat(failed.data().at("/resultInfo/code").asInt()).isEqualTo(500);
    assertThat(failed.data().at("/resultInfo/subcode").asInt()).isEqualTo(7700);
    assertThat(Json.parse(bot.graph("GET", calls, null).body()).path("state").asString())
        .isEqualTo("established");
  }

  @Test
  void transferOfACallThatIsNotEstablished_is409() throws Exception {
    String callId = bot.dial(CALLER);
    bot.next(n -> n.changeType().equals("created"));

    assertGraphError(
        bot.graph(
            "POST",
            "/communications/calls/" + callId + "/transfer",
            "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
                + ALICE
                + "\"}},\"replacesCallId\":\""
                + callId
                + "\"}}"),
        409,
        "Conflict");
  }

  @Test
  void twoCallsTransferredOntoEachOtherAtOnce_neitherDeadlocks() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String first = bot.incomingAnswered(CALLER);
        String second = bot.incomingAnswered(CALLER);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> one = threads.submit(() -> transferAfter(go, first, second));
        Future<Integer> other = threads.submit(() -> transferAfter(go, second, first));

        go.countDown();

        List<Integer> statuses =
            List.of(one.get(10, TimeUnit.SECONDS), other.get(10, TimeUnit.SECONDS));
        assertThat(statuses).as("round " + round).contains(202).isSubsetOf(202, 404, 409);
        assertThat(bot.graph("GET", "/communications/calls/" + first, null).statusCode())
            .isEqualTo(404);
        assertThat(bot.graph("GET", "/communications/calls/" + second, null).statusCode())
            .isEqualTo(404);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private int transferAfter(CountDownLatch go, String callId, String replacesCallId)
      throws Exception {
    String body =
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
            + ALICE
            + "\"}},\"replacesCallId\":\""
            + replacesCallId
            + "\"}}";
    go.await();
    return bot.graph("POST", "/communications/calls/" + callId + "/transfer", body).statusCode();
  }

  /** The bot calls Alice (she answers after 3 s); returns the established call's id. */
  private String consultAlice() throws Exception {
    String consultation = bot.create(GraphCallRejectsTest.createTo(bot.callback(), ALICE));
    bot.nextOn("/communications/calls/" + consultation);
    bot.advance(Duration.ofSeconds(3));
    assertThat(bot.nextOn("/communications/calls/" + consultation).state())
        .isEqualTo("established");
    return consultation;
  }
}
