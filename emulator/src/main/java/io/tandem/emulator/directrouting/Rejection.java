package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A final failure response the emulated proxy gives, with Microsoft's diagnostics: the SIP status
 * and reason phrase, the Microsoft response code and text carried in {@code ms-diagnostics} (the
 * CallEndSubReason the Teams admin center shows), an optional Q.850 cause for the {@code Reason}
 * header, and any extra header ({@code Retry-After}).
 */
public record Rejection(
    int status,
    String reason,
    int diagnosticCode,
    String diagnosticText,
    int q850Cause,
    List<SipHeader> extraHeaders) {

  public static Rejection of(int status, String reason, int code, String text) {
    return new Rejection(status, reason, code, text, 0, List.of());
  }

  public Rejection withQ850(int cause) {
    return new Rejection(status, reason, diagnosticCode, diagnosticText, cause, extraHeaders);
  }

  public Rejection withHeader(String name, String value) {
    List<SipHeader> more = new ArrayList<>(extraHeaders);
    more.add(SipHeader.of(name, value));
    return new Rejection(status, reason, diagnosticCode, diagnosticText, q850Cause, more);
  }

  /** The headers this rejection puts on the response, {@code source} being the proxy FQDN. */
  public List<SipHeader> headers(String source) {
    List<SipHeader> headers = new ArrayList<>(extraHeaders);
    if (q850Cause > 0) {
      headers.add(
          SipHeader.of("Reason", "Q.850;cause=" + q850Cause + ";text=\"" + quoted() + "\""));
    }
    headers.add(
        SipHeader.of(
            "ms-diagnostics",
            diagnosticCode + ";reason=\"" + quoted() + "\";source=\"" + source + "\""));
    return headers;
  }

  private String quoted() {
    return diagnosticText.replace("\\", "\\\\").replace("\"", "'");
  }

  static @Nullable Rejection none() {
    return null;
  }
}
