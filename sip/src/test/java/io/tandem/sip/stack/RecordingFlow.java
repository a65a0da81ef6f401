package io.tandem.sip.stack;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A flow that keeps what is sent on it. */
final class RecordingFlow implements Flow {

  private final Transport transport;
  final List<String> sent = new ArrayList<>();

  RecordingFlow(Transport transport) {
    this.transport = transport;
  }

  @Override
  public synchronized void send(byte[] message) {
    sent.add(new String(message, StandardCharsets.UTF_8));
  }

  @Override
  public InetSocketAddress remote() {
    return new InetSocketAddress("127.0.0.9", 5099);
  }

  @Override
  public Transport transport() {
    return transport;
  }

  synchronized List<String> startLines() {
    return sent.stream().map(m -> m.substring(0, m.indexOf("\r\n"))).toList();
  }
}
