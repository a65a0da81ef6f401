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
 * whether only an early dialog may be replaced. Microsoft sends the SBC such an INVITE when a Teams
 * user joins two of their calls through the SBC (a consultative transfer, MICROSOFT-CONTRACTS
 * §1.3): the named dialog is the Teams side of a Teams user's call through Tandem ({@link
 * TeamsPstnCall}, which goes on in the new dialog, {@link ReplacingDialog}) or of an agent leg
 * ({@link AgentLeg}, declined, {@link #answerForAgentLeg}).
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
   * Refuses {@code invite}, which carries this Replaces, unless it may replace {@code answered}
   * (RFC 3891 §3), with a {@code Warning} and nothing changed; true when refused. 481 when it names
   * no dialog of the leg (wrong tags, or the leg has no answered dialog), and also when it names
   * the leg's early dialog that Microsoft initiated ({@code namesEarly}: Tandem replaces only early
   * dialogs it initiated, and it initiated none that it would hand over); 486 for {@code
   * early-only} naming an answered dialog.
   */
  boolean refused(InboundRequest invite, @Nullable Dialog answered, boolean namesEarly) {
    if (namesEarly) {
      refuse(invite, 481, "Call/Transaction Does Not Exist", "the dialog is early (RFC 3891 §3)");
    } else if (answered == null || !names(answered)) {
      refuse(invite, 481, "Call/Transaction Does Not Exist", "no such answered dialog");
    } else if (earlyOnly) {
      refuse(invite, 486, "Busy Here", "early-only, and the dialog is answered");
    } else {
      return false;
    }
    return true;
  }

  /**
   * Answers {@code invite}, which carries this Replaces, for an agent leg whose answered dialog is
   * {@code answered} (null while it is not answered): refused as {@link #refused} says, else 603.
   * Tandem does not move an agent leg to a new dialog: Teams replaces the dialog of the call its
   * user placed through Tandem (the consultation), not the contact-center call, and an agent leg
   * that Teams itself replaced would leave the interaction with nobody Tandem can name.
   */
  void answerForAgentLeg(InboundRequest invite, @Nullable Dialog answered) {
    if (!refused(invite, answered, false)) {
      refuse(
          invite,
          603,
          "Decline",
          "Tandem does not hand a contact-center call's agent leg to a new dialog");
    }
  }

  /** Refuses {@code invite} with {@code status} and a {@code Warning} saying {@code why}. */
  static void refuse(InboundRequest invite, int status, String reason, String why) {
    invite.respond(
        status,
        reason,
        ContextIds.tag(),
        List.of(SipHeader.of("Warning", "399 tandem \"" + why + "\"")));
  }

  /** Whether this names {@code dialog}. */
  boolean names(Dialog dialog) {
    return names(dialog.callId(), dialog.localTag(), dialog.remoteTag());
  }

  /** Whether this names the dialog of {@code id} with tags {@code local} and {@code remote}. */
  boolean names(String id, String local, String remote) {
    return callId.equals(id) && toTag.equals(local) && fromTag.equals(remote);
  }
}
