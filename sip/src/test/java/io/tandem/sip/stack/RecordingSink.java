package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link SipTransport.MessageSink} that records what it receives, for tests to wait on. */
final class RecordingSink implements SipTransport.MessageSink {

  /** One message as the sink received it. */
  record Received(byte[] bytes, Flow from, ListenPoint arrivedOn) {
    String text() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  @Override
  public void onMessage(byte[] message, Flow from, ListenPoint arrivedOn) {
    received.add(new Received(message, from, arrivedOn));
  }

  /** The next message, waiting up to 5 s; fails the test when none comes. */
  Received next() throws InterruptedException {
    Received next = received.poll(5, TimeUnit.SECONDS);
    assertThat(next).as("a message within 5 s").isNotNull();
    return next;
  }

  /** Whether nothing more has been received (now). */
  boolean isEmpty() {
    return received.isEmpty();
  }

  /** A request of {@code body} with a Content-Length header named {@code lengthHeader}. */
  static byte[] request(String lengthHeader, byte[] body) {
    byte[] head =
        ("OPTIONS sip:sbc.contoso.test SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"
                + "Call-ID: test@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + lengthHeader
                + ": "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    return message;
  }

  /** A request whose body is {@code body} in ASCII, with a Content-Length header. */
  static byte[] request(String body) {
    return request("Content-Length", body.getBytes(StandardCharsets.US_ASCII));
  }
}
