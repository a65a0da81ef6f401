package io.tandem.sip.stack;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The identity a TLS server must prove for the host a request is addressed to (RFC 5922 §7.2): the
 * host is sent as SNI, and once the handshake has checked the chain against the trust store, the
 * peer's certificate must name the host (RFC 2818 wildcards, {@link CertificateNames}). IP-literal
 * hosts are neither sent nor checked.
 */
final class ServerIdentity {

  private ServerIdentity() {}

  /** Sends {@code host} as SNI on the client {@code socket} when it is a name. */
  static void indicate(SSLSocket socket, String host) {
    if (isIpLiteral(host)) {
      return;
    }
    SSLParameters parameters = socket.getSSLParameters();
    try {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    } catch (IllegalArgumentException notAHostName) {
      return;
    }
    socket.setSSLParameters(parameters);
  }

  /**
   * The names the session's peer certificate carries when they name {@code host} (or {@code host}
   * is an IP literal).
   *
   * @throws SSLPeerUnverifiedException when the peer presented no certificate, or one whose names
   *     do not include {@code host}; the message says which names it has
   */
  static List<String> verify(SSLSession session, String host) throws SSLPeerUnverifiedException {
    Certificate[] chain = session.getPeerCertificates();
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate first)) {
      throw new SSLPeerUnverifiedException("no certificate from " + host);
    }
    List<String> names = CertificateNames.of(first);
    if (!isIpLiteral(host) && !CertificateNames.anyMatches(names, host)) {
      throw new SSLPeerUnverifiedException(
          "the certificate presented for " + host + " names " + String.join(", ", names));
    }
    return names;
  }

  /** The DNS names of the session's peer certificate; none when the peer presented none. */
  static List<String> peerNames(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate first
          ? CertificateNames.of(first)
          : List.of();
    } catch (SSLPeerUnverifiedException noCertificate) {
      return List.of();
    }
  }

  /**
   * Checks that an open connection to {@code remote}, whose peer's certificate carries {@code
   * names}, may carry requests for {@code host} too (IP literals are not checked).
   *
   * @throws SSLPeerUnverifiedException when none of the names is {@code host}'s
   */
  static void requireNamed(List<String> names, String host, java.net.InetSocketAddress remote)
      throws SSLPeerUnverifiedException {
    if (!isIpLiteral(host) && !CertificateNames.anyMatches(names, host)) {
      throw new SSLPeerUnverifiedException(
          "the open connection to "
              + remote
              + " is to a certificate naming "
              + String.join(", ", names)
              + ", not "
              + host);
    }
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal rather than a name. */
  static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
  }
}
