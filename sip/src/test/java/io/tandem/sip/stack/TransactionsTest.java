package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 3261 §17 transaction state machines, on manual timers and a recording flow. */
class TransactionsTest {

  private final ManualTimers timers = new ManualTimers();
  private final TransactionTable table = new TransactionTable(timers);
  private final RecordingFlow udp = new RecordingFlow(Transport.UDP);
  private final List<String> outcomes = new ArrayList<>();

  private final ClientTransaction.Outcome outcome =
      new ClientTransaction.Outcome() {
        @Override
        public void response(SipMessage response) {
          outcomes.add("response " + response.status());
        }

        @Override
        public void timeout() {
          outcomes.add("timeout");
        }

        @Override
        public void stray(SipMessage response) {
          outcomes.add("stray " + response.status());
        }
      };

  private static SentRequest request(String method) {
    OutboundRequest outgoing =
        new OutboundRequest(method, "sip:+14255550100@127.0.0.9:5099;user=phone")
            .header("From", "<sip:tandem@127.0.0.1>;tag=t1")
            .header("To", "<sip:+14255550100@127.0.0.9>")
            .header("Call-ID", "c1")
            .header("CSeq", "1 " + method)
            .header("Route", "<sip:127.0.0.9:5099;lr>");
    return new RequestWriter("127.0.0.1").write(new ListenPoint(Transport.UDP, 5060), outgoing);
  }

  private static SipMessage response(SentRequest request, int status, String toTag)
      throws Exception {
    String text =
        "SIP/2.0 "
            + status
            + " Whatever\r\nVia: "
            + request.via()
            + "\r\nFrom: "
            + request.from()
            + "\r\nTo: "
            + request.to()
            + (toTag.isEmpty() ? "" : ";tag=" + toTag)
            + "\r\nCall-ID: c1\r\nCSeq: 1 "
            + request.method()
            + "\r\nContent-Length: 0\r\n\r\n";
    return MessageParser.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private ClientTransaction started(SentRequest request) throws Exception {
    ClientTransaction transaction = new ClientTransaction(request, udp, timers, table, outcome);
    transaction.start();
    return transaction;
  }

  @Test
  void invite_retransmitsAtDoublingIntervals_untilAProvisional() throws Exception {
    SentRequest invite = request("INVITE");
    ClientTransaction transaction = started(invite);

    timers.advance(500); // A: 500
    timers.advance(1000); // A: 1000
    assertThat(udp.startLines()).hasSize(3);
    transaction.onResponse(response(invite, 180, "r1"));
    timers.advance(10_000);

    assertThat(udp.startLines()).hasSize(3);
    assertThat(outcomes).containsExactly("response 180");
    timers.advance(60_000); // Timer B does not end a proceeding INVITE
    assertThat(outcomes).containsExactly("response 180");
    assertThat(table.client(transaction.key())).isSameAs(transaction);
  }

  @Test
  void invite_unanswered_timesOutAfter64T1_andLeavesTheTable() throws Exception {
    ClientTransaction transaction = started(request("INVITE"));

    timers.advance(31_999);
    assertThat(outcomes).isEmpty();
    timers.advance(1);

    assertThat(outcomes).containsExactly("timeout");
    assertThat(udp.startLines()).hasSize(7); // 0, .5, 1.5, 3.5, 7.5, 15.5, 31.5 s
    assertThat(table.client(transaction.key())).isNull();
  }

  @Test
  void invite_rejected_isAckedOnTheSameBranch_andItsRetransmissionsAckedAgainNotDelivered()
      throws Exception {
    SentRequest invite = request("INVITE");
    ClientTransaction transaction = started(invite);

    transaction.onResponse(response(invite, 486, "busy"));
    transaction.onResponse(response(invite, 486, "busy"));

    assertThat(outcomes).containsExactly("response 486");
    List<String> acks = udp.sent.stream().filter(m -> m.startsWith("ACK ")).toList();
    assertThat(acks).hasSize(2);
    assertThat(acks.get(0))
        .startsWith("ACK sip:+14255550100@127.0.0.9:5099;user=phone SIP/2.0\r\n")
        .contains("Via: " + invite.via())
        .contains("To: <sip:+14255550100@127.0.0.9>;tag=busy")
        .contains("CSeq: 1 ACK")
        .contains("Route: <sip:127.0.0.9:5099;lr>");
    timers.advance(32_000);
    assertThat(table.client(transaction.key())).isNull();
  }

  @Test
  void invite_answered_deliversTheFirst2xx_laterOnesAreStray() throws Exception {
    SentRequest invite = request("INVITE");
    ClientTransaction transaction = started(invite);

    transaction.onResponse(response(invite, 200, "a"));
    transaction.onResponse(response(invite, 200, "b"));

    assertThat(outcomes).containsExactly("response 200", "stray 200");
    assertThat(udp.sent.stream().filter(m -> m.startsWith("ACK "))).isEmpty();
    assertThat(table.client(transaction.key())).isNull();
  }

  @Test
  void cancel_onceWhileUnanswered_onTheInvitesBranch_neverAfterTheFinal() throws Exception {
    SentRequest invite = request("INVITE");
    ClientTransaction transaction = started(invite);
    transaction.onResponse(response(invite, 180, "r"));
    List<SentRequest> cancels = new ArrayList<>();

    transaction.cancel(cancels::add);
    transaction.cancel(cancels::add);

    assertThat(cancels).hasSize(1);
    String cancel = new String(cancels.get(0).bytes(), StandardCharsets.UTF_8);
    assertThat(cancel)
        .startsWith("CANCEL sip:+14255550100@127.0.0.9:5099;user=phone SIP/2.0\r\n")
        .contains("Via: " + invite.via())
        .contains("To: <sip:+14255550100@127.0.0.9>\r\n")
        .contains("CSeq: 1 CANCEL");
    transaction.onResponse(response(invite, 487, "r"));
    SentRequest other = request("INVITE");
    ClientTransaction answered = started(other);
    answered.onResponse(response(other, 200, "x"));
    answered.cancel(cancels::add);
    assertThat(cancels).hasSize(1);
  }

  @Test
  void cancelledInvite_neverAnswered_endsAfter64T1() throws Exception {
    SentRequest invite = request("INVITE");
    ClientTransaction transaction = started(invite);
    transaction.onResponse(response(invite, 180, "r"));
    transaction.cancel(cancel -> {});

    timers.advance(32_000);

    assertThat(outcomes).containsExactly("response 180", "timeout");
    assertThat(table.client(transaction.key())).isNull();
  }

  @Test
  void nonInvite_retransmitsCappedAtT2_andAbsorbsRetransmittedFinals() throws Exception {
    SentRequest bye = request("BYE");
    ClientTransaction transaction = started(bye);

    timers.advance(500 + 1000 + 2000 + 4000 + 4000); // E: .5, 1, 2, 4, 4
    assertThat(udp.startLines()).hasSize(6);
    transaction.onResponse(response(bye, 200, "x"));
    transaction.onResponse(response(bye, 200, "x"));
    timers.advance(5_000);

    assertThat(outcomes).containsExactly("response 200");
    assertThat(udp.startLines()).hasSize(6);
    assertThat(table.client(transaction.key())).isNull();
  }

  @Test
  void nonInvite_overTcp_isNotRetransmitted() throws Exception {
    RecordingFlow tcp = new RecordingFlow(Transport.TCP);
    new ClientTransaction(request("OPTIONS"), tcp, timers, table, outcome).start();

    timers.advance(31_999);
    assertThat(tcp.sent).hasSize(1);
    timers.advance(1);
    assertThat(outcomes).containsExactly("timeout");
  }

  @Test
  void server_retransmittedRequest_getsTheLatestProvisionalAgain_butNotA2xx() throws Exception {
    ServerTransaction transaction = new ServerTransaction("k", true, udp, timers, table);
    table.addServer(transaction);

    transaction.onRetransmission();
    assertThat(udp.sent).isEmpty();
    transaction.respond(bytes("SIP/2.0 100 Trying"), 100);
    transaction.onRetransmission();
    transaction.respond(bytes("SIP/2.0 200 OK"), 200);
    transaction.onRetransmission();

    assertThat(udp.startLines())
        .as("an INVITE retransmitted after its 2xx is absorbed (RFC 6026)")
        .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 100 Trying", "SIP/2.0 200 OK");
    assertThat(transaction.onAck()).as("a 2xx's ACK is the dialog's").isFalse();
    timers.advance(32_000);
    assertThat(table.server("k")).isNull();
  }

  @Test
  void server_rejectedInvite_retransmitsUntilTheAck_whichIsAbsorbed() throws Exception {
    ServerTransaction transaction = new ServerTransaction("k", true, udp, timers, table);
    table.addServer(transaction);

    transaction.respond(bytes("SIP/2.0 486 Busy Here"), 486);
    timers.advance(500 + 1000 + 2000);
    assertThat(udp.sent).hasSize(4);
    assertThat(transaction.onAck()).isTrue();
    timers.advance(4000);
    assertThat(udp.sent).hasSize(4);
    assertThat(transaction.onAck()).as("a retransmitted ACK too").isTrue();
    timers.advance(5_000);
    assertThat(table.server("k")).isNull();
  }

  @Test
  void server_secondFinalResponse_isRefused() throws Exception {
    ServerTransaction transaction = new ServerTransaction("k", false, udp, timers, table);
    transaction.respond(bytes("SIP/2.0 200 OK"), 200);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> transaction.respond(bytes("SIP/2.0 500 No"), 500))
        .isInstanceOf(IllegalStateException.class);
  }

  private static byte[] bytes(String startLine) {
    return (startLine + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
