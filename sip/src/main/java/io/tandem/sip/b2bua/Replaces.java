package io.tandem.sip.b2bua;

import io.tandem.sip.stack.SipUri;
import java.util.Map;

/**
 * A Replaces header (RFC 3891 §6.1): the Call-ID and tags of the dialog a new INVITE replaces, the
 * tags as the recipient sees its dialog ({@code to-tag} its own, {@code from-tag} the peer's), and
 * whether only an early dialog may be replaced.
 */
record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

  /** Parses {@code value}; throws {@link IllegalArgumentException} without a Call-ID or a tag. */
  static Replaces parse(String value) {
    String[] parts = value.trim().split(";", 2);
    String callId = parts[0].trim();
    Map<String, String> parameters = parts.length > 1 ? SipUri.parameters(parts[1]) : Map.of();
    String toTag = parameters.get("to-tag");
    String fromTag = parameters.get("from-tag");
    if (callId.isEmpty() || toTag == null || fromTag == null) {
      throw new IllegalArgumentException(
          "Replaces needs a Call-ID, a to-tag and a from-tag: " + value);
    }
    return new Replaces(callId, toTag, fromTag, parameters.containsKey("early-only"));
  }

  /** Whether this names {@code dialog}. */
  boolean names(Dialog dialog) {
    return dialog.callId().equals(callId)
        && dialog.localTag().equals(toTag)
        && dialog.remoteTag().equals(fromTag);
  }
}
