package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.ResponseHandler;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.pstn.CallerScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The caller's side of a REFER from the contact center (RFC 3515; the transferee of RFC 5589): 202
 * Accepted and a NOTIFY {@code SIP/2.0 100 Trying}; then, when a carrier trunk serves the Refer-To
 * number, a new INVITE from the same caller to it (with the REFER's Referred-By, no scripted digits
 * or sentences, the same patience and talk time) and a final NOTIFY carrying that INVITE's final
 * status. A target no trunk serves (another number, a SIP URI without an E.164 user) is journalled
 * as {@code trunk.transfer.notEmulated} and reported {@code SIP/2.0 200 OK}, as if an outside
 * number had answered. A {@code Replaces} in the Refer-To is journalled and dropped.
 */
final class Referral {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final TrunkCall call;
  private final TrunkServices services;

  Referral(TrunkCall call, TrunkServices services) {
    this.call = call;
    this.services = services;
  }

  /** Answers the REFER and acts on it; runs on the call's serial executor. */
  void accept(IncomingRequest refer) {
    List<String> referTos = refer.headerValues("Refer-To");
    if (referTos.size() != 1) {
      refer.respond(
          400,
          "Bad Request",
          null,
          List.of(SipHeader.of("Warning", "399 - \"one Refer-To required\"")));
      return;
    }
    String referTo = referTos.get(0);
    String target = numberIn(referTo);
    refer.respond(202, "Accepted", null, List.of());
    call.event(
        Channel.SIP,
        "trunk.referred",
        Map.of(
            "referTo",
            referTo,
            "referredBy",
            refer.header("Referred-By").orElse(""),
            "target",
            target == null ? "" : target));
    if (referTo.contains("Replaces=") || referTo.contains("replaces=")) {
      call.event(Channel.SIP, "trunk.transfer.replacesDropped", Map.of("referTo", referTo));
    }
    sendNotify("SIP/2.0 100 Trying", false);
    List<SipHeader> headers = new ArrayList<>();
    refer.header("Referred-By").ifPresent(by -> headers.add(SipHeader.of("Referred-By", by)));
    CallerScript script = call.script();
    Optional<String> placed =
        target == null
            ? Optional.empty()
            : services.dialler.place(
                new CallerScript(
                    script.from(),
                    target,
                    script.displayName(),
                    List.of(),
                    List.of(),
                    script.patience(),
                    script.talkFor()),
                headers,
                (status, reason) ->
                    services.onCall(call.id(), () -> completed(target, status, reason)));
    if (placed.isPresent()) {
      call.transferring(new TrunkCallSnapshot.Transfer(referTo, target, true, placed.get(), 0));
      call.event(
          Channel.SIP,
          "trunk.transfer.dialled",
          Map.of("target", target, "newCallId", placed.get()));
    } else {
      call.transferring(new TrunkCallSnapshot.Transfer(referTo, target, false, null, 200));
      call.event(Channel.SIP, "trunk.transfer.notEmulated", Map.of("referTo", referTo));
      sendNotify("SIP/2.0 200 OK", true);
    }
  }

  private void completed(String target, int status, String reason) {
    TrunkCallSnapshot.Transfer transfer = call.transfer();
    if (transfer != null) {
      call.transferring(transfer.withOutcome(transfer.newCallId(), status));
    }
    call.event(
        Channel.SIP,
        status >= 200 && status < 300 ? "trunk.transfer.completed" : "trunk.transfer.failed",
        Map.of("target", target, "status", Integer.toString(status)));
    if (!call.state().isFinal()) {
      sendNotify("SIP/2.0 " + status + " " + reason, true);
    }
  }

  private void sendNotify(String statusLine, boolean last) {
    call.sendInDialog(
        call.inDialog("NOTIFY")
            .header("Event", "refer")
            .header(
                "Subscription-State", last ? "terminated;reason=noresource" : "active;expires=60")
            .body(
                "message/sipfrag;version=2.0",
                (statusLine + "\r\n").getBytes(StandardCharsets.UTF_8)),
        new ResponseHandler() {
          @Override
          public void onResponse(IncomingResponse response) {}
        });
  }

  /** The E.164 number a Refer-To names (user part of a sip: URI, or a tel: URI), else null. */
  static @Nullable String numberIn(String referTo) {
    try {
      SipUri uri = SipUri.parse(referTo);
      String number = uri.scheme().equals("tel") ? uri.host() : uri.user();
      return number != null && E164.matcher(number).matches() ? number : null;
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }
}
