package io.tandem.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * A request Tandem received, read through strings (no JAIN-SIP type leaks out), with where it came
 * from and a way to answer it.
 */
public final class InboundRequest {

  private final SipEndpoint endpoint;
  private final Request request;
  private final @Nullable ServerTransaction transaction;
  private final ListenPoint arrivedOn;
  private @Nullable List<SipHeader> headers;

  InboundRequest(
      SipEndpoint endpoint,
      Request request,
      @Nullable ServerTransaction transaction,
      ListenPoint arrivedOn) {
    this.endpoint = endpoint;
    this.request = request;
    this.transaction = transaction;
    this.arrivedOn = arrivedOn;
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

  /** The CSeq number. */
  public long cseq() {
    String cseq = header("CSeq").orElse("0").trim();
    int space = cseq.indexOf(' ');
    return Long.parseLong(space < 0 ? cseq : cseq.substring(0, space));
  }

  /** Every header in order, list headers one entry per value (encoded on first use). */
  public List<SipHeader> headers() {
    List<SipHeader> all = headers;
    if (all == null) {
      all = List.copyOf(Headers.of(request));
      headers = all;
    }
    return all;
  }

  /** The first value of a header, by case-insensitive name (compact forms expanded). */
  public Optional<String> header(String name) {
    return Headers.first(request, name);
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return Headers.all(request, name);
  }

  public byte[] body() {
    byte[] content = request.getRawContent();
    return content == null ? new byte[0] : content;
  }

  public String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** From: the remote party of a new dialog. */
  public NameAddress from() {
    return NameAddress.parse(header("From").orElse("<sip:anonymous@anonymous.invalid>"));
  }

  /** To: the local party of a new dialog. */
  public NameAddress to() {
    return NameAddress.parse(header("To").orElse("<sip:anonymous@anonymous.invalid>"));
  }

  /** The listening point the request arrived on. */
  public ListenPoint arrivedOn() {
    return arrivedOn;
  }

  /** The address and port the request came from (the packet's source, not Via). */
  public InetSocketAddress source() {
    SIPRequest sip = (SIPRequest) request;
    return new InetSocketAddress(sip.getRemoteAddress(), sip.getRemotePort());
  }

  /** Whether the stack holds a server transaction for this request (never for ACK). */
  public boolean hasTransaction() {
    return transaction != null;
  }

  /** Answers without a body; see {@link #respond(int, String, String, List, String, String)}. */
  public SentResponse respond(int status, String reason, String toTag, List<SipHeader> extra) {
    return respond(status, reason, toTag, extra, null, null);
  }

  /**
   * Answers the request. {@code toTag} is set on To when the request had none (not on 100); a
   * {@code body} needs its {@code contentType}. A response that cannot be sent (the peer's
   * connection closed) is logged, not thrown: the caller's state machine goes on.
   */
  public SentResponse respond(
      int status,
      String reason,
      String toTag,
      List<SipHeader> extra,
      @Nullable String body,
      @Nullable String contentType) {
    return endpoint.respond(
        request, transaction, arrivedOn, status, reason, toTag, extra, body, contentType);
  }

  Request request() {
    return request;
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
