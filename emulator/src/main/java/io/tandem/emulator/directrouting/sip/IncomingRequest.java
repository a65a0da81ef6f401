package io.tandem.emulator.directrouting.sip;

import gov.nist.javax.sip.TransactionExt;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * A SIP request the emulator received, read through strings (no JAIN-SIP type leaks out), with the
 * listening point it arrived on, the peer's TLS certificates, and a way to answer it.
 */
public final class IncomingRequest {

  private final SipNode node;
  private final Request request;
  private final @Nullable ServerTransaction transaction;
  private final ListenPoint listenPoint;
  private final List<SipHeader> headers;

  IncomingRequest(
      SipNode node,
      Request request,
      @Nullable ServerTransaction transaction,
      ListenPoint listenPoint) {
    this.node = node;
    this.request = request;
    this.transaction = transaction;
    this.listenPoint = listenPoint;
    this.headers = SipNode.headersOf(request);
  }

  public String method() {
    return request.getMethod();
  }

  public String requestUri() {
    return request.getRequestURI().toString();
  }

  public String callId() {
    return header("Call-ID").orElse("");
  }

  public long cseq() {
    String cseq = header("CSeq").orElse("0 X").trim();
    return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')).trim());
  }

  public List<SipHeader> headers() {
    return headers;
  }

  /** The first value of a header, by case-insensitive name (compact forms are expanded). */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(SipHeader::value)
        .findFirst();
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(SipHeader::value)
        .toList();
  }

  public byte[] body() {
    byte[] content = request.getRawContent();
    return content == null ? new byte[0] : content;
  }

  public String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** The request as it arrived, re-encoded by the stack. */
  public String text() {
    return request.toString();
  }

  public ListenPoint listenPoint() {
    return listenPoint;
  }

  public String fromTag() {
    String tag = SipUri.parse(header("From").orElse("<sip:x>")).headerParameter("tag");
    return tag == null ? "" : tag;
  }

  public String toTag() {
    String tag = SipUri.parse(header("To").orElse("<sip:x>")).headerParameter("tag");
    return tag == null ? "" : tag;
  }

  /** The address the request came from. */
  public String remoteAddress() {
    return ((SIPRequest) request).getRemoteAddress().getHostAddress();
  }

  public int remotePort() {
    return ((SIPRequest) request).getRemotePort();
  }

  /** The certificate chain the peer presented on a TLS connection; empty otherwise. */
  public List<X509Certificate> peerCertificates() {
    if (transaction == null || listenPoint.transport() != SipTransport.TLS) {
      return List.of();
    }
    try {
      Certificate[] chain = ((TransactionExt) transaction).getPeerCertificates();
      List<X509Certificate> certificates = new ArrayList<>();
      if (chain != null) {
        for (Certificate certificate : chain) {
          if (certificate instanceof X509Certificate x509) {
            certificates.add(x509);
          }
        }
      }
      return certificates;
    } catch (Exception notAvailable) {
      return List.of();
    }
  }

  /**
   * Answers without a body. {@code toTag} is set when the request's To has none. A response that
   * cannot be sent (the peer closed its connection) is journalled as {@code sip.sendFailed}.
   */
  public void respond(int status, String reason, @Nullable String toTag, List<SipHeader> extra) {
    respond(status, reason, toTag, extra, null, null);
  }

  /**
   * Answers with a body of {@code contentType} ({@code application/sdp}); the response comes back
   * to be retransmitted, or null when it could not be sent.
   */
  public @Nullable SentResponse respond(
      int status,
      String reason,
      @Nullable String toTag,
      List<SipHeader> extra,
      byte @Nullable [] body,
      @Nullable String contentType) {
    try {
      Response response = node.messages().createResponse(status, request);
      response.setReasonPhrase(reason);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (toTag != null && to.getTag() == null && status != 100) {
        to.setTag(toTag);
      }
      for (SipHeader header : extra) {
        for (Header parsed : node.parseHeader(header)) {
          response.addHeader(parsed);
        }
      }
      if (body != null && contentType != null) {
        String[] type = contentType.split("/", 2);
        ContentTypeHeader contentTypeHeader =
            node.headerFactory().createContentTypeHeader(type[0], type[1]);
        response.setContent(body, contentTypeHeader);
      }
      node.sendResponse(response, transaction, listenPoint);
      return new SentResponse(node, response, listenPoint, callId());
    } catch (Exception failed) {
      node.sendFailed(callId(), status + " to " + method(), failed);
      return null;
    }
  }

  /** Whether the stack still holds a server transaction for this request (not for ACK). */
  public boolean hasTransaction() {
    return transaction != null;
  }
}
