package io.tandem.sip.stack;

import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * Server identity for TLS connections the endpoint opens (RFC 5922 §7.2, RFC 2818 wildcards): once
 * the handshake has checked the peer's chain against the trust store, the peer's certificate must
 * also name the host the request is addressed to (its first Route, else its Request-URI), so a
 * certificate of another name from a trusted CA is refused. IP-literal hosts are not checked.
 * JAIN-SIP instantiates it by name ({@code gov.nist.javax.sip.TLS_SECURITY_POLICY}) and calls it on
 * its transport thread after each client handshake; a refusal fails the send as a transport error.
 */
public final class PeerNamePolicy implements TlsSecurityPolicy {

  public PeerNamePolicy() {}

  @Override
  public void enforceTlsPolicy(@Nullable ClientTransactionExt transaction) {
    if (transaction == null) {
      return;
    }
    String host = addressedHost(transaction.getRequest());
    if (host == null || host.isEmpty() || isIpLiteral(host)) {
      return;
    }
    Certificate[] chain;
    try {
      chain = transaction.getPeerCertificates();
    } catch (SSLPeerUnverifiedException | RuntimeException unverified) {
      throw new SecurityException("no verified certificate from " + host + ": " + unverified);
    }
    if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate first)) {
      throw new SecurityException("no certificate from " + host);
    }
    List<String> names = CertificateNames.of(first);
    if (!CertificateNames.anyMatches(names, host)) {
      throw new SecurityException(
          "the certificate presented for " + host + " names " + String.join(", ", names));
    }
  }

  private static @Nullable String addressedHost(Request request) {
    RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    if (route != null && route.getAddress().getURI() instanceof SipURI uri) {
      return uri.getHost();
    }
    return request.getRequestURI() instanceof SipURI uri ? uri.getHost() : null;
  }

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
  }
}
