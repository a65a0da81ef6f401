package io.tandem.sip.stack;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.sip.stack.StreamFraming.FramingException;
import io.tandem.sip.stack.StreamFraming.Message;
import io.tandem.sip.stack.StreamFraming.Ping;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The stream framing's limits and edges, on bytes in memory. */
class StreamFramingTest {

  @Test
  void headerSectionOfExactly64KiB_andContentLengthOfExactly64KiB_areAccepted() throws Exception {
    String start = "MESSAGE sip:a SIP/2.0\r\nContent-Length: 65536\r\nSubject: ";
    String header = start + "x".repeat(StreamFraming.MAX_HEADER_BYTES - start.length() - 4);
    String message = header + "\r\n\r\n" + "b".repeat(StreamFraming.MAX_BODY_BYTES);

    StreamFraming framing = framing(message);

    assertThat(((Message) framing.next()).bytes()).isEqualTo(message.getBytes(ISO_8859_1));
    assertThat(framing.next()).as("the end of the stream").isNull();
  }

  @Test
  void contentLength_isFoundWithSpacesAroundTheColon_andOnAFoldedLine() throws Exception {
    assertThat(StreamFraming.contentLength("A sip:a SIP/2.0\r\nContent-Length : 3\r\n\r\n"))
        .isEqualTo(3);
    assertThat(StreamFraming.contentLength("A sip:a SIP/2.0\r\nL:\r\n  12\r\n\r\n")).isEqualTo(12);
    assertThat(StreamFraming.contentLength("A sip:a SIP/2.0\r\nX-Length: 9\r\n\r\n")).isZero();
  }

  @Test
  void pings_comeOnePerDoubleCrlf_betweenMessages() throws Exception {
    StreamFraming framing = framing("\r\n\r\n\r\nA sip:a SIP/2.0\r\n\r\n\r\n\r\n");

    assertThat(framing.next()).isInstanceOf(Ping.class);
    assertThat(framing.next()).isInstanceOf(Message.class);
    assertThat(framing.next()).isInstanceOf(Ping.class);
    assertThat(framing.next()).isNull();
  }

  @Test
  void aCrWithoutLfBetweenMessages_breaksTheFraming() {
    assertThatThrownBy(() -> framing("\rA sip:a SIP/2.0\r\n\r\n").next())
        .isInstanceOf(FramingException.class);
  }

  @Test
  void aNegativeOrHugeContentLength_breaksTheFraming() {
    assertThatThrownBy(() -> StreamFraming.contentLength("A\r\nContent-Length: -1\r\n\r\n"))
        .isInstanceOf(FramingException.class);
    assertThatThrownBy(() -> StreamFraming.contentLength("A\r\nl: 99999999999999\r\n\r\n"))
        .isInstanceOf(FramingException.class);
    assertThatThrownBy(() -> StreamFraming.contentLength("A\r\nl:\r\n\r\n"))
        .isInstanceOf(FramingException.class);
  }

  @Test
  void theStreamEndingInsideAMessage_isAnError_notAMessage() {
    assertThatThrownBy(() -> framing("A sip:a SIP/2.0\r\nl: 5\r\n\r\nab").next())
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("body");
    assertThatThrownBy(() -> framing("A sip:a SIP/2.0\r\nl: 5\r\n").next())
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("header");
  }

  private static StreamFraming framing(String bytes) throws IOException {
    return new StreamFraming(new ByteArrayInputStream(bytes.getBytes(ISO_8859_1)));
  }
}
