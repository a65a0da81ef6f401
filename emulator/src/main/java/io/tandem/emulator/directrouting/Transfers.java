package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.world.TeamsUser;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Teams user's transfer of a connected SBC call. When the SBC advertised REFER in Allow, the
 * proxy sends it a REFER (transferor, RFC 5589 §6) and ends its leg with BYE once the SBC's NOTIFY
 * reports a 2xx; otherwise the proxy acts as referee itself (RFC 3892 §7.1): a Teams user target is
 * rung on the same SIP leg; a PSTN target is called through the tenant's trunks with Referred-By,
 * and the two SBC legs are joined until either ends.
 */
final class Transfers {

  private final CallServices services;

  Transfers(CallServices services) {
    this.services = services;
  }

  void transfer(InboundCall call, String transferTarget) {
    if (call.state() != InboundCallState.CONNECTED && call.state() != InboundCallState.ANSWERED) {
      return;
    }
    InboundTarget target = call.target();
    String proxy = DirectRoutingSettings.PROXY_FQDNS.get(0);
    String correlation = UUID.randomUUID().toString();
    Optional<TeamsUser> user =
        transferTarget.startsWith("+")
            ? Optional.empty()
            : services.world.user(target.tenant().id(), transferTarget);
    if (!transferTarget.startsWith("+") && user.isEmpty()) {
      record(call, "transfer.failed", Map.of("target", transferTarget, "why", "no such user"));
      return;
    }
    if (!call.sbcAllowsRefer()) {
      actAsReferee(call, transferTarget, user);
      return;
    }
    String referTo =
        user.isPresent()
            ? ReferHeaders.referToUser(proxy, 5061, user.get().id(), target.tenant().id())
            : ReferHeaders.referToNumber(proxy, transferTarget);
    String referredBy =
        ReferHeaders.referredBy(proxy, target.callee().id(), target.tenant().id(), correlation);
    record(call, "transfer.refer", Map.of("target", transferTarget, "referTo", referTo));
    call.sendInDialog(
        "REFER",
        response -> {
          if (response.isProvisional()) {
            return;
          }
          record(
              call,
              response.isSuccess() ? "transfer.accepted" : "transfer.failed",
              Map.of("status", Integer.toString(response.status())));
        },
        SipHeader.of("Refer-To", referTo),
        SipHeader.of("Referred-By", referredBy));
  }

  /** The SBC's NOTIFY with a message/sipfrag progress report of the REFER. */
  void notified(InboundCall call, IncomingRequest notify) {
    String fragment = notify.bodyText().trim();
    String[] statusLine = fragment.split("\\s+", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("SIP/2.0")) {
      return;
    }
    int status = Integer.parseInt(statusLine[1]);
    record(call, "transfer.progress", Map.of("status", Integer.toString(status)));
    if (status >= 200 && status < 300) {
      record(call, "transfer.completed", Map.of());
      call.transferred();
    }
  }

  private void actAsReferee(InboundCall call, String transferTarget, Optional<TeamsUser> user) {
    record(call, "transfer.referee", Map.of("target", transferTarget));
    if (user.isPresent()) {
      services.teams.offer(
          user.get(),
          call.callId(),
          new OfferListener() {
            @Override
            public void answered() {
              record(call, "transfer.completed", Map.of("user", user.get().id()));
            }

            @Override
            public void declined() {
              record(call, "transfer.failed", Map.of("status", "603"));
            }

            @Override
            public void busy() {
              record(call, "transfer.failed", Map.of("status", "486"));
            }

            @Override
            public void hungUp() {
              services.onCall(call.callId(), call::transferred);
            }
          });
    } else {
      record(
          call,
          "transfer.failed",
          Map.of("why", "PSTN transfer without REFER support in the SBC is not emulated yet"));
    }
  }

  private void record(InboundCall call, String kind, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, call.callId(), attributes);
  }
}
