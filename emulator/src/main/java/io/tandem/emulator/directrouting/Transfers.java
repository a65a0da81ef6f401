package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.world.TeamsUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Teams user's transfers of one connected SBC call. When the SBC advertised REFER in Allow, the
 * proxy sends it a REFER (transferor, RFC 5589 §6): the SBC answers 202 and reports the new call in
 * NOTIFYs (message/sipfrag); a 2xx ends the proxy's leg with BYE, a failure leaves the call as it
 * was. Otherwise the proxy acts as referee itself (RFC 3892 §7.1): a Teams user target is rung, and
 * when it answers the SBC leg is re-INVITEd towards it and the transferor leaves. NOTIFYs that
 * belong to no pending REFER get 481, other events 489, a body that is not a sipfrag status line
 * 400.
 */
final class Transfers {

  private static final Pattern SIPFRAG = Pattern.compile("SIP/2\\.0 ([1-6][0-9]{2})( .*)?");

  private final CallServices services;
  private final InboundCall call;
  private @Nullable TransferState state;
  private long referCseq = -1;
  private @Nullable TeamsParty target;

  Transfers(CallServices services, InboundCall call) {
    this.services = services;
    this.call = call;
  }

  /** {@code transferor} asked to transfer the call to {@code transferTarget} (+E164 or user id). */
  void transfer(TeamsUser transferor, String transferTarget) {
    if (state != null && !state.isFinal()) {
      record("transfer.ignored", Map.of("target", transferTarget, "why", "a transfer is running"));
      return;
    }
    InboundTarget inbound = call.target();
    Optional<TeamsUser> user =
        transferTarget.startsWith("+")
            ? Optional.empty()
            : services.world.user(inbound.tenant().id(), transferTarget);
    if (!transferTarget.startsWith("+") && user.isEmpty()) {
      record("transfer.failed", Map.of("target", transferTarget, "why", "no such user"));
      return;
    }
    if (!call.sbcAllowsRefer()) {
      actAsReferee(transferTarget, user);
      return;
    }
    String proxy = call.dialog().listenPoint.name();
    String referTo =
        user.isPresent()
            ? ReferHeaders.referToUser(
                call.dialog().listenPoint, user.get().id(), inbound.tenant().id())
            : ReferHeaders.referToNumber(proxy, transferTarget);
    String referredBy =
        ReferHeaders.referredBy(
            proxy, transferor.id(), inbound.tenant().id(), UUID.randomUUID().toString());
    state = TransferState.REFER_SENT;
    record("transfer.refer", Map.of("target", transferTarget, "referTo", referTo));
    call.sendInDialog(
        "REFER",
        this::referAnswered,
        SipHeader.of("Refer-To", referTo),
        SipHeader.of("Referred-By", referredBy));
    referCseq = call.dialog().currentCseq();
  }

  private void referAnswered(IncomingResponse response) {
    if (response.isProvisional()) {
      return;
    }
    String status = Integer.toString(response.status());
    if (response.isSuccess()) {
      if (move(TransferState.ACCEPTED)) {
        record("transfer.accepted", Map.of("status", status));
      }
    } else if (move(TransferState.FAILED)) {
      record("transfer.failed", Map.of("status", status, "why", "the SBC refused the REFER"));
    }
  }

  /** The SBC's NOTIFY with a message/sipfrag progress report of the REFER. */
  void notified(IncomingRequest notify) {
    String event = notify.header("Event").orElse("").trim();
    String[] eventParts = event.split(";");
    if (!eventParts[0].trim().equalsIgnoreCase("refer")) {
      notify.respond(489, "Bad Event", null, List.of(SipHeader.of("Allow-Events", "refer")));
      return;
    }
    String id = eventId(eventParts);
    if (state == null
        || !state.awaitsNotify()
        || (id != null && !id.equals(Long.toString(referCseq)))) {
      notify.respond(481, "Subscription does not exist", null, List.of());
      return;
    }
    Matcher fragment = SIPFRAG.matcher(notify.bodyText().trim().split("\r?\n", 2)[0].trim());
    if (!fragment.matches()) {
      notify.respond(400, "Bad Request", null, List.of());
      return;
    }
    notify.respond(200, "OK", null, List.of());
    int status = Integer.parseInt(fragment.group(1));
    record("transfer.progress", Map.of("status", Integer.toString(status)));
    if (status >= 200 && status < 300 && move(TransferState.COMPLETED)) {
      record("transfer.completed", Map.of());
      call.transferred();
    } else if (status >= 300 && move(TransferState.FAILED)) {
      record("transfer.failed", Map.of("status", Integer.toString(status)));
    }
  }

  private static @Nullable String eventId(String[] eventParts) {
    for (int i = 1; i < eventParts.length; i++) {
      String parameter = eventParts[i].trim();
      if (parameter.toLowerCase().startsWith("id=")) {
        return parameter.substring(3).trim();
      }
    }
    return null;
  }

  private void actAsReferee(String transferTarget, Optional<TeamsUser> user) {
    record("transfer.referee", Map.of("target", transferTarget));
    if (user.isEmpty()) {
      record(
          "transfer.failed",
          Map.of("why", "PSTN transfer without REFER support in the SBC is not emulated"));
      return;
    }
    state = TransferState.TARGET_RINGING;
    target = TeamsParty.ring(services, call, user.get());
    call.parties().pending(target);
  }

  /** Referee mode: the target answered; the SBC leg is re-INVITEd towards it. */
  void targetAnswered(TeamsParty answered) {
    if (!move(TransferState.REINVITING)) {
      return;
    }
    Dialog dialog = call.dialog();
    services
        .node
        .get()
        .send(
            dialog.listenPoint,
            dialog.request("INVITE").body("application/sdp", call.media().reOffer()),
            response -> reInviteAnswered(answered, dialog, response));
  }

  private void reInviteAnswered(TeamsParty answered, Dialog dialog, IncomingResponse response) {
    if (response.isProvisional()) {
      return;
    }
    if (response.isSuccess()) {
      services
          .node
          .get()
          .sendStateless(dialog.listenPoint, dialog.requestWithCseq("ACK", dialog.currentCseq()));
      Sdp answer = Sdp.parseOrNull(new String(response.body(), StandardCharsets.US_ASCII));
      if (answer != null) {
        call.media().connect(answer);
      }
      if (move(TransferState.COMPLETED)) {
        call.parties().switchTo(answered);
        record("transfer.completed", Map.of("user", answered.user().id()));
      }
    } else if (move(TransferState.FAILED)) {
      call.parties().pending(null);
      answered.remoteHangUp();
      record("transfer.failed", Map.of("status", Integer.toString(response.status())));
    }
  }

  /** Referee mode: the target declined (603) or was busy (486). */
  void targetFailed(int status) {
    if (move(TransferState.FAILED)) {
      call.parties().pending(null);
      record("transfer.failed", Map.of("status", Integer.toString(status)));
    }
  }

  /** The call ended while a transfer was running. */
  void abandon() {
    if (state == TransferState.TARGET_RINGING && target != null && move(TransferState.FAILED)) {
      target.cancel();
      call.parties().pending(null);
    }
  }

  @Nullable TransferState state() {
    return state;
  }

  private boolean move(TransferState next) {
    if (state == null || !state.canMoveTo(next)) {
      return false;
    }
    state = next;
    return true;
  }

  private void record(String kind, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, call.callId(), attributes);
  }
}
