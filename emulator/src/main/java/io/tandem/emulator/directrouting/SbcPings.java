package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;
import io.tandem.emulator.directrouting.sip.ResponseHandler;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.VoiceRoute;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Teams' OPTIONS pings towards SBCs (MICROSOFT-CONTRACTS §1.2): every {@code optionsInterval} (one
 * minute), one OPTIONS to each gateway FQDN with {@code sendSipOptions} — the tenants' own gateways
 * and the derived trunks their voice routes name — at {@code sip:<fqdn>:<sipSignalingPort>}. The
 * answer (or its absence) is journalled as {@code options.answered} / {@code options.unanswered};
 * it does not change the SBC's health, which only the SBC's own OPTIONS keep fresh.
 */
final class SbcPings {

  private final CallServices services;
  private Scheduler.@Nullable Timer timer;
  private volatile boolean stopped;

  SbcPings(CallServices services) {
    this.services = services;
  }

  void start() {
    timer = services.scheduler.schedule(services.settings.optionsInterval(), this::round);
  }

  void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel();
    }
  }

  private void round() {
    if (stopped) {
      return;
    }
    targets().forEach(this::ping);
    timer = services.scheduler.schedule(services.settings.optionsInterval(), this::round);
  }

  /** FQDN → the gateway whose port and settings apply, for every SBC Teams pings. */
  Map<String, PstnGateway> targets() {
    Map<String, PstnGateway> targets = new LinkedHashMap<>();
    for (EmulatedTenant tenant : services.world.tenants()) {
      for (PstnGateway gateway : tenant.gateways()) {
        if (gateway.sendSipOptions()) {
          targets.putIfAbsent(gateway.fqdn(), gateway);
        }
      }
      for (VoiceRoute route : tenant.voiceRoutes()) {
        for (String fqdn : route.gateways()) {
          String name = fqdn.toLowerCase(Locale.ROOT);
          Optional<PstnGateway> trunk = GatewayChecks.trunkFor(services.world, tenant, name);
          if (trunk.isPresent() && trunk.get().sendSipOptions()) {
            targets.putIfAbsent(name, trunk.get());
          }
        }
      }
    }
    return targets;
  }

  private void ping(String fqdn, PstnGateway gateway) {
    ListenPoint from = services.outboundPoint();
    String transport = from.transport().token();
    String proxy = from.name() + ":" + from.port();
    String callId = Dialog.newTag() + "@" + from.name();
    OutgoingRequest options =
        new OutgoingRequest(
                "OPTIONS",
                "sip:" + fqdn + ":" + gateway.sipSignalingPort() + ";transport=" + transport)
            .header("From", "<sip:" + proxy + ">;tag=" + Dialog.newTag())
            .header("To", "<sip:" + fqdn + ":" + gateway.sipSignalingPort() + ">")
            .header("Call-ID", callId)
            .header("CSeq", "1 OPTIONS")
            .header("Contact", CallServices.contactOf(from))
            .header("Allow", CallServices.ALLOW);
    services.onCall(
        callId,
        () ->
            services
                .node
                .get()
                .send(
                    from,
                    options,
                    new ResponseHandler() {
                      @Override
                      public void onResponse(IncomingResponse response) {
                        if (!response.isProvisional()) {
                          record(
                              "options.answered",
                              callId,
                              Map.of("gateway", fqdn, "status", "" + response.status()));
                        }
                      }

                      @Override
                      public void onTimeout() {
                        record("options.unanswered", callId, Map.of("gateway", fqdn));
                      }
                    }));
  }

  private void record(String kind, String callId, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, callId, attributes);
  }
}
