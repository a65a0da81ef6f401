package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A response Tandem received, read through strings.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param method the method of the request it answers (from CSeq)
 * @param headers every header in order, list headers one entry per value
 * @param body the body, empty without one
 */
public record InboundResponse(
    int status, String reason, String method, List<SipHeader> headers, byte[] body) {

  public InboundResponse {
    headers = List.copyOf(headers);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Headers.first(headers, name);
  }

  /** Every value of a header, in order. */
  public List<String> headerValues(String name) {
    return Headers.all(headers, name);
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
}
