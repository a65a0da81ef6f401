package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

  /**
   * Answers {@code invite}, which carries this Replaces, for an agent leg whose answered dialog is
   * {@code answered} (null while it is not answered). Teams joins two calls of one of its users
   * through the same SBC this way (MICROSOFT-CONTRACTS §1.5); a Tandem agent leg is never one of
   * two calls of one user (an agent takes one call at a time, and calls from Teams do not go
   * through Tandem), so a replacement is declined (603) and the call goes on; 481 when it names no
   * answered dialog, 486 for an {@code early-only} replacement of an answered call.
   */
  void answer(InboundRequest invite, @Nullable Dialog answered) {
    if (answered == null || !names(answered)) {
      invite.respond(481, "Call/Transaction Does Not Exist", ContextIds.tag(), List.of());
    } else if (earlyOnly) {
      invite.respond(486, "Busy Here", ContextIds.tag(), List.of());
    } else {
      invite.respond(
          603,
          "Decline",
          ContextIds.tag(),
          List.of(
              SipHeader.of(
                  "Warning",
                  "399 tandem \"a contact-center call is not joined to another call\"")));
    }
  }

  /** Whether this names {@code dialog}. */
  boolean names(Dialog dialog) {
    return dialog.callId().equals(callId)
        && dialog.localTag().equals(toTag)
        && dialog.remoteTag().equals(fromTag);
  }
}
