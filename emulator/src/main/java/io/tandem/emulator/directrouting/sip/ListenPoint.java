package io.tandem.emulator.directrouting.sip;

/**
 * One listening point of a {@link SipNode}: the host name it plays ({@code
 * sip.pstnhub.microsoft.com}), the transport and the loopback port.
 */
public record ListenPoint(String name, SipTransport transport, int port) {

  public ListenPoint {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a listening point needs a name");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
