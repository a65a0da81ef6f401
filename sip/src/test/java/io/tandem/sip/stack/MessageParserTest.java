package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageParserTest {

  private static final String INVITE =
      "INVITE sip:+14255550101@10.0.0.1;user=phone SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1;rport, SIP/2.0/UDP 10.0.0.3;branch=z9hG4bK2\r\n"
          + "v: SIP/2.0/TCP 10.0.0.4;branch=z9hG4bK3\r\n"
          + "Max-Forwards: 70\r\n"
          + "f: \"Doe, John\" <sip:+1555@10.0.0.2;user=phone>;tag=abc\r\n"
          + "t: <sip:+14255550101@10.0.0.1>\r\n"
          + "i: call-1@10.0.0.2\r\n"
          + "CSeq: 7 INVITE\r\n"
          + "Contact: <sip:a@10.0.0.2>;expires=60,\r\n"
          + " \"B, the second\" <sip:b@10.0.0.2>\r\n"
          + "Subject: folded\r\n"
          + "\tline\r\n"
          + "c: application/sdp\r\n"
          + "l: 4\r\n"
          + "\r\n"
          + "v=0\r\nextra after the body";

  private static SipMessage parse(String text) throws MessageParser.UnreadableMessage {
    return MessageParser.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void request_readsStartLineCompactNamesListsFoldingAndBody() throws Exception {
    SipMessage invite = parse(INVITE);

    assertThat(invite.isRequest()).isTrue();
    assertThat(invite.method()).isEqualTo("INVITE");
    assertThat(invite.requestUri()).isEqualTo("sip:+14255550101@10.0.0.1;user=phone");
    assertThat(invite.callId()).isEqualTo("call-1@10.0.0.2");
    assertThat(invite.cseqNumber()).isEqualTo(7);
    assertThat(invite.all("Via")).hasSize(3);
    assertThat(invite.first("via")).contains("SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1;rport");
    assertThat(invite.first("From"))
        .contains("\"Doe, John\" <sip:+1555@10.0.0.2;user=phone>;tag=abc");
    assertThat(invite.all("Contact"))
        .containsExactly("<sip:a@10.0.0.2>;expires=60", "\"B, the second\" <sip:b@10.0.0.2>");
    assertThat(invite.first("Subject")).contains("folded line");
    assertThat(invite.first("Content-Type")).contains("application/sdp");
    assertThat(new String(invite.body(), StandardCharsets.UTF_8)).isEqualTo("v=0\r");
    assertThat(invite.headers()).filteredOn(h -> h.name().equals("Via")).hasSize(3);
    assertThat(MessageCheck.problem(invite)).isNull();
  }

  @Test
  void response_readsStatusReasonAndCSeqMethod() throws Exception {
    SipMessage ok =
        parse(
            "SIP/2.0 180 Ringing here\nVia: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\n"
                + "To: <sip:c@d>;tag=2\nCall-ID: x\nCSeq: 1 INVITE\nContent-Length: 0\n\n");

    assertThat(ok.isRequest()).isFalse();
    assertThat(ok.status()).isEqualTo(180);
    assertThat(ok.reason()).isEqualTo("Ringing here");
    assertThat(ok.method()).isEqualTo("INVITE");
    assertThat(ok.body()).isEmpty();
  }

  @Test
  void notSip_isUnreadable() {
    assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class);
    assertThatThrownBy(() -> parse("INVITE sip:a@b SIP/2.0\r\nVia: x\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class);
    assertThatThrownBy(() -> parse("SIP/2.0 2000 OK\r\nVia: x\r\n\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class);
    assertThatThrownBy(() -> parse("INVITE sip:a@b SIP/2.0\r\nno colon here\r\n\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class);
  }

  @Test
  void foldingAndBlanks_joinedAsOneSpace_emptyValuesKept_nameLessLineRefused() throws Exception {
    SipMessage message =
        parse(
            "\r\n\r\nOPTIONS sip:a@b SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK1\r\n"
                + "Subject:\r\n"
                + "   first  \r\n"
                + "\t second\r\n"
                + "Organization:   \r\n"
                + "X-Spaced  :  value with  inner  spaces  \r\n"
                + "Call-ID: x\r\n\r\n");

    assertThat(message.method()).isEqualTo("OPTIONS");
    assertThat(message.first("Subject")).contains("first second");
    assertThat(message.first("Organization")).contains("");
    assertThat(message.first("X-Spaced")).contains("value with  inner  spaces");
    assertThat(message.callId()).isEqualTo("x");
    assertThatThrownBy(() -> parse("OPTIONS sip:a@b SIP/2.0\r\n: no name\r\n\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class)
        .hasMessageContaining("header line without a name: : no name");
    assertThatThrownBy(() -> parse("\r\n\r\n\r\n"))
        .isInstanceOf(MessageParser.UnreadableMessage.class);
  }

  @Test
  void check_namesWhatIsWrong() throws Exception {
    String good = INVITE.replace("l: 4", "l: 5").replace("extra after the body", "");
    assertThat(MessageCheck.problem(parse(good))).isNull();
    assertThat(MessageCheck.problem(parse(INVITE.replace("i: call-1@10.0.0.2\r\n", ""))))
        .isEqualTo("missing Call-ID");
    assertThat(
            MessageCheck.problem(parse(INVITE.replace("f: \"Doe, John\" <", "f: \"Doe, John <"))))
        .contains("quoted display name");
    assertThat(
            MessageCheck.problem(
                parse(INVITE.replace("t: <sip:+14255550101@10.0.0.1>", "t: <sip:x@y"))))
        .contains("angle brackets");
    assertThat(MessageCheck.problem(parse(INVITE.replace("CSeq: 7 INVITE", "CSeq: 7 BYE"))))
        .contains("CSeq names BYE");
    assertThat(MessageCheck.problem(parse(INVITE.replace("CSeq: 7 INVITE", "CSeq: x INVITE"))))
        .contains("bad CSeq");
    assertThat(MessageCheck.problem(parse(INVITE.replace("l: 4", "l: 400"))))
        .contains("Content-Length 400");
    assertThat(
            MessageCheck.problem(parse(INVITE.replace("Max-Forwards: 70", "Max-Forwards: lots"))))
        .contains("Max-Forwards");
    assertThat(
            MessageCheck.problem(
                parse(INVITE.replace("SIP/2.0/UDP 10.0.0.2:5060", "SIP/2.0/UDP 10.0.0.2:99999"))))
        .contains("bad port");
  }

  @Test
  void via_readsSentByAndParameters() {
    Via via = Via.parse("SIP/2.0/TLS [2001:db8::1]:5061;branch=z9hG4bKab;rport;received=192.0.2.1");

    assertThat(via.transport()).isEqualTo("TLS");
    assertThat(via.host()).isEqualTo("2001:db8::1");
    assertThat(via.port()).isEqualTo(5061);
    assertThat(via.branch()).isEqualTo("z9hG4bKab");
    assertThat(via.hasRfc3261Branch()).isTrue();
    assertThat(via.parameters()).containsKey("rport");
    assertThat(via.sentBy()).isEqualTo("[2001:db8::1]:5061");
    assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP")).isInstanceOf(IllegalArgumentException.class);
  }
}
