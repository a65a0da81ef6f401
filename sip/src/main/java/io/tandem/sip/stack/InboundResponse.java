package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response Tandem received, read through strings.
 *
 * <p>Threading: read on the call's lane after the stack handed it over; never changed after that.
 */
public final class InboundResponse {

  private final SipMessage response;
  private @Nullable List<SipHeader> headers;

  InboundResponse(SipMessage response) {
    this.response = response;
  }

  /** The status code. */
  public int status() {
    return response.status();
  }

  /** The reason phrase. */
  public String reason() {
    return response.reason();
  }

  /** The method of the request it answers (from CSeq). */
  public String method() {
    return response.cseqMethod();
  }

  /** Every header in order, list headers one entry per value. */
  public List<SipHeader> headers() {
    List<SipHeader> all = headers;
    if (all == null) {
      all = List.copyOf(response.headers());
      headers = all;
    }
    return all;
  }

  /** The body, empty without one. */
  public byte[] body() {
    return response.body().clone();
  }

  /** The first value of a header, by case-insensitive name (compact forms expanded). */
  public Optional<String> header(String name) {
    return response.first(name);
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return List.copyOf(response.all(name));
  }

  /** The tag of To: the remote side's dialog tag; empty without one. */
  public String toTag() {
    return header("To").map(NameAddress::parse).map(NameAddress::tag).orElse("");
  }

  public String bodyText() {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  public boolean isProvisional() {
    return status() < 200;
  }

  public boolean isSuccess() {
    return status() >= 200 && status() < 300;
  }

  @Override
  public String toString() {
    return status() + " " + reason() + " (" + method() + ")";
  }
}
