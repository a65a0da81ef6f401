package io.tandem.sip.stack;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request Tandem received, read through strings, with where it came from and a way to answer it.
 */
public final class InboundRequest {

  private final SipEndpoint endpoint;
  private final SipMessage request;
  private final @Nullable ServerTransaction transaction;
  private final ListenPoint arrivedOn;
  private final Flow flow;
  private final String replyVia;
  private @Nullable List<SipHeader> headers;

  InboundRequest(
      SipEndpoint endpoint,
      SipMessage request,
      @Nullable ServerTransaction transaction,
      ListenPoint arrivedOn,
      Flow flow,
      String replyVia) {
    this.endpoint = endpoint;
    this.request = request;
    this.transaction = transaction;
    this.arrivedOn = arrivedOn;
    this.flow = flow;
    this.replyVia = replyVia;
  }

  public String method() {
    return request.method();
  }

  public String requestUri() {
    return request.requestUri();
  }

  public String callId() {
    return request.callId();
  }

  /** The CSeq number. */
  public long cseq() {
    return request.cseqNumber();
  }

  /** Every header in order, list headers one entry per value. */
  public List<SipHeader> headers() {
    List<SipHeader> all = headers;
    if (all == null) {
      all = List.copyOf(request.headers());
      headers = all;
    }
    return all;
  }

  /** The first value of a header, by case-insensitive name (compact forms expanded). */
  public Optional<String> header(String name) {
    return request.first(name);
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return List.copyOf(request.all(name));
  }

  public byte[] body() {
    return request.body().clone();
  }

  public String bodyText() {
    return new String(request.body(), StandardCharsets.UTF_8);
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
    return flow.remote();
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
    byte[] response =
        ResponseWriter.write(request, replyVia, status, reason, toTag, extra, body, contentType);
    return endpoint.respond(transaction, flow, response, status, request.method());
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
