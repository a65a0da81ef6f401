package io.tandem.sip.stack;

/** One transport and port the endpoint listens on (port 0: any free port, known once started). */
public record ListenPoint(Transport transport, int port) {

  public ListenPoint {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
  }
}
