package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * A response Tandem received, read through strings. Headers are encoded from the stack's message
 * only when asked for, one header at a time (the whole list on {@link #headers()}).
 *
 * <p>Threading: read on the call's lane after the stack handed it over; the message is not changed
 * after that.
 */
public final class InboundResponse {

  private final int status;
  private final String reason;
  private final String method;
  private final Response response;
  private final byte[] body;
  private @Nullable List<SipHeader> headers;

  InboundResponse(Response response) {
    this.response = response;
    this.status = response.getStatusCode();
    this.reason = response.getReasonPhrase();
    this.method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
    byte[] content = response.getRawContent();
    this.body = content == null ? new byte[0] : content;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The reason phrase. */
  public String reason() {
    return reason;
  }

  /** The method of the request it answers (from CSeq). */
  public String method() {
    return method;
  }

  /** Every header in order, list headers one entry per value. */
  public List<SipHeader> headers() {
    List<SipHeader> all = headers;
    if (all == null) {
      all = List.copyOf(Headers.of(response));
      headers = all;
    }
    return all;
  }

  /** The body, empty without one. */
  public byte[] body() {
    return body;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Headers.first(response, name);
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return Headers.all(response, name);
  }

  /** The tag of To: the remote side's dialog tag; empty without one. */
  public String toTag() {
    return header("To").map(NameAddress::parse).map(NameAddress::tag).orElse("");
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean isProvisional() {
    return status < 200;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return status + " " + reason + " (" + method + ")";
  }
}
