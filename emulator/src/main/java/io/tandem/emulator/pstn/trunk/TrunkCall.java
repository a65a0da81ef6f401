package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.Sdp;
import io.tandem.emulator.directrouting.sip.ClientRequest;
import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;
import io.tandem.emulator.directrouting.sip.ResponseHandler;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.trunk.TrunkCallState.EndReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One PSTN caller's call over a carrier trunk, the carrier being the UAC: INVITE with a G.711
 * offer, then whatever the contact center answers — 18x (early media with SDP), 2xx (ACK; the
 * {@link CallerScriptPlayer script} plays), 3xx–6xx or nothing (the call ends); CANCEL when the
 * caller's patience runs out first (deferred until a provisional response, RFC 3261 §9.1; a 2xx
 * crossing the CANCEL is ACKed and ended with BYE); BYE when the caller has talked for {@code
 * talkFor}. In the dialog it answers BYE, re-INVITE and UPDATE (hold follows the SDP direction),
 * and REFER ({@link Referral}).
 *
 * <p>Threading: every method that changes the call runs on its Call-ID's serial executor (SIP
 * messages arrive there; timers are moved there); {@link #snapshot()} reads from any thread. All
 * state is guarded by {@code this}.
 */
final class TrunkCall implements ResponseHandler {

  static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, UPDATE, INFO";

  private final TrunkServices services;
  private final CallerScript script;
  private final String trunkName;
  private final String requestUri;
  private final CarrierDialog dialog;
  private final HeardAudio heard;
  private final CallerMedia media;
  private final CallerScriptPlayer player;
  private final ContactCenterRequests requests;
  private final List<SipHeader> extraHeaders;
  private final Instant dialledAt;
  private final FinalResponse finalResponse = new FinalResponse();
  private final List<TrunkCallSnapshot.Pressed> pressed = new ArrayList<>();
  private final List<TrunkCallSnapshot.Said> said = new ArrayList<>();
  private TrunkCallState state = TrunkCallState.CALLING;
  private @Nullable EndReason endReason;
  private EndReason hangUpReason = EndReason.CALLER_HUNG_UP;
  private @Nullable Instant answeredAt;
  private @Nullable Instant endedAt;
  private @Nullable ClientRequest invite;
  private boolean provisionalSeen;
  private boolean cancelPending;
  private boolean earlyMedia;
  private long sdpVersion = 1;
  private TrunkCallSnapshot.@Nullable Transfer transfer;

  TrunkCall(
      TrunkServices services,
      TrunkRoute route,
      CallerScript script,
      List<SipHeader> extraHeaders,
      String callId) {
    this.services = services;
    this.script = script;
    this.trunkName = route.trunk().name();
    this.requestUri = route.requestUri(script.to());
    this.extraHeaders = List.copyOf(extraHeaders);
    this.dialledAt = services.scheduler.now();
    this.dialog =
        CarrierDialog.forCaller(
            callId,
            script,
            callerUri(),
            route,
            services.points.get(route.transport()),
            services.bindAddress());
    TrunkServices.Configured configured = services.configured.get();
    this.heard =
        new HeardAudio(
            (int) Math.min(Integer.MAX_VALUE, configured.settings().heardLimit().toMillis() * 8));
    this.media =
        CallerMedia.open(services.bindAddress(), services.pacer, configured.audio(), heard);
    this.player = new CallerScriptPlayer(this, script, services, configured.settings().keyGap());
    this.requests = new ContactCenterRequests(this, services);
  }

  String id() {
    return dialog.callId;
  }

  CallerScript script() {
    return script;
  }

  synchronized TrunkCallState state() {
    return state;
  }

  /** Hears the final response to the INVITE (408 when none came), once. */
  synchronized void onFinalResponse(TrunkServices.FinalListener listener) {
    finalResponse.listen(listener);
  }

  // --- the call's life, on its serial executor

  /** Sends the INVITE and starts the caller's patience. */
  synchronized void start() {
    OutgoingRequest request =
        dialog
            .invite()
            .header("Allow", ALLOW)
            .header("P-Asserted-Identity", "<" + callerUri() + ">")
            .header("User-Agent", "Tandem emulator carrier")
            .headers(extraHeaders)
            .body("application/sdp", offer("sendrecv", List.of(0, 8)));
    event(
        Channel.WORLD,
        "caller.dialled",
        Map.of("from", script.from(), "to", script.to(), "trunk", trunkName, "uri", requestUri));
    player.dialled();
    invite = services.node.get().send(dialog.listenPoint, request, this);
  }

  @Override
  public synchronized void onResponse(IncomingResponse response) {
    if (!response.cseqMethod().equals("INVITE") || state.isFinal()) {
      return;
    }
    if (response.isProvisional()) {
      provisional(response);
    } else if (response.isSuccess()) {
      answered(response);
    } else {
      finalResponse.arrived(response.status(), response.reason());
      end(state == TrunkCallState.CANCELLING ? EndReason.CALLER_GAVE_UP : EndReason.REJECTED);
    }
  }

  @Override
  public synchronized void onTimeout() {
    finalResponse.arrived(408, "Request Timeout");
    end(state == TrunkCallState.CANCELLING ? EndReason.CALLER_GAVE_UP : EndReason.NO_RESPONSE);
  }

  private void provisional(IncomingResponse response) {
    provisionalSeen = true;
    if (cancelPending && invite != null) {
      cancelPending = false;
      invite.cancel();
    }
    boolean early =
        state == TrunkCallState.CALLING
            || state == TrunkCallState.RINGING
            || state == TrunkCallState.CANCELLING;
    if (response.status() == 100 || !early) {
      return; // a 1xx overtaken by the 2xx on JAIN-SIP's listener threads changes nothing
    }
    if (state == TrunkCallState.CALLING) {
      move(TrunkCallState.RINGING);
    }
    event(Channel.SIP, "trunk.ringing", Map.of("status", Integer.toString(response.status())));
    Sdp sdp = sdpOf(response.body());
    if (sdp != null && state != TrunkCallState.CANCELLING) {
      media.answeredWith(sdp);
      if (!earlyMedia) {
        earlyMedia = true;
        event(Channel.SIP, "trunk.earlyMedia", Map.of("remote", sdp.address() + ":" + sdp.port()));
      }
    }
  }

  private void answered(IncomingResponse ok) {
    dialog.confirm(ok);
    services.node.get().sendStateless(dialog.listenPoint, dialog.ack());
    Sdp sdp = sdpOf(ok.body());
    if (sdp != null) {
      media.answeredWith(sdp);
    } else if (!earlyMedia) {
      event(Channel.SIP, "sip.violation", Map.of("rule", "2xx-without-sdp-answer"));
    }
    boolean crossedCancel = state == TrunkCallState.CANCELLING;
    move(TrunkCallState.CONNECTED);
    answeredAt = services.scheduler.now();
    event(Channel.SIP, "trunk.answered", Map.of("status", Integer.toString(ok.status())));
    finalResponse.arrived(ok.status(), ok.reason());
    if (crossedCancel) {
      hangUp(EndReason.CALLER_GAVE_UP);
    } else {
      player.answered();
    }
  }

  /** The caller's patience ran out before a 2xx: CANCEL now or after the first 1xx. */
  synchronized void giveUp() {
    if (state != TrunkCallState.CALLING && state != TrunkCallState.RINGING) {
      return;
    }
    event(Channel.WORLD, "caller.patienceExhausted", Map.of("from", script.from()));
    move(TrunkCallState.CANCELLING);
    if (provisionalSeen && invite != null) {
      invite.cancel();
    } else {
      cancelPending = true;
    }
  }

  /** The caller hangs up a connected call with BYE. */
  synchronized void hangUp(EndReason reason) {
    if (state != TrunkCallState.CONNECTED) {
      return;
    }
    event(Channel.WORLD, "caller.hungUp", Map.of("from", script.from()));
    move(TrunkCallState.HANGING_UP);
    hangUpReason = reason;
    sendInDialog(
        dialog.request("BYE"),
        new ResponseHandler() {
          @Override
          public void onResponse(IncomingResponse response) {
            if (!response.isProvisional()) {
              end(reason);
            }
          }

          @Override
          public void onTimeout() {
            end(reason);
          }
        });
  }

  /** The caller presses one key (RFC 4733). */
  synchronized void press(char symbol) {
    if (state != TrunkCallState.CONNECTED) {
      return;
    }
    media.press(symbol);
    pressed.add(new TrunkCallSnapshot.Pressed(services.scheduler.now(), symbol));
    event(Channel.WORLD, "caller.pressed", Map.of("digit", String.valueOf(symbol)));
  }

  /** The caller says a sentence: journalled only, no speech is synthesised. */
  synchronized void say(String text) {
    if (state != TrunkCallState.CONNECTED) {
      return;
    }
    said.add(new TrunkCallSnapshot.Said(services.scheduler.now(), text));
    event(Channel.WORLD, "caller.said", Map.of("text", text));
  }

  /** A request from the contact center inside this call's dialog. */
  synchronized void onRequest(IncomingRequest request) {
    requests.handle(request);
  }

  /** Whether the 2xx came (and the call has not ended): the dialog is confirmed. */
  synchronized boolean confirmed() {
    return state == TrunkCallState.CONNECTED || state == TrunkCallState.HANGING_UP;
  }

  /** The contact center's BYE ends the call, for the reason the call's story gives. */
  synchronized void endedByContactCenter() {
    end(
        state == TrunkCallState.HANGING_UP
            ? hangUpReason
            : transfer != null && transfer.succeededOrPending()
                ? EndReason.TRANSFERRED
                : EndReason.CONTACT_CENTER_HUNG_UP);
  }

  CallerMedia media() {
    return media;
  }

  String contact() {
    return dialog.contact();
  }

  /** Ends the call: timers stopped, media closed, the registry told. Idempotent. */
  synchronized void end(EndReason reason) {
    if (state.isFinal()) {
      return;
    }
    move(TrunkCallState.ENDED);
    endReason = reason;
    endedAt = services.scheduler.now();
    player.stop();
    media.close();
    finalResponse.report();
    event(
        Channel.SIP,
        "trunk.ended",
        Map.of("reason", reason.name(), "status", Integer.toString(finalResponse.status())));
    services.calls.ended(this);
  }

  // --- for Referral

  synchronized void sendInDialog(OutgoingRequest request, ResponseHandler responses) {
    services.node.get().send(dialog.listenPoint, request, responses);
  }

  synchronized OutgoingRequest inDialog(String method) {
    return dialog.request(method);
  }

  synchronized void transferring(TrunkCallSnapshot.Transfer change) {
    transfer = change;
  }

  synchronized TrunkCallSnapshot.@Nullable Transfer transfer() {
    return transfer;
  }

  void event(Channel channel, String kind, Map<String, String> attributes) {
    services.journal.event(channel, kind, id(), attributes);
  }

  // --- reading

  synchronized TrunkCallSnapshot snapshot() {
    return new TrunkCallSnapshot(
        id(),
        trunkName,
        script.from(),
        script.to(),
        requestUri,
        dialog.listenPoint.transport().token(),
        state,
        endReason,
        finalResponse.describe(),
        dialledAt,
        answeredAt,
        endedAt,
        earlyMedia,
        List.copyOf(pressed),
        List.copyOf(said),
        transfer,
        new TrunkCallSnapshot.Media(
            media.remote() == null ? null : media.remote().toString(),
            media.law().name(),
            media.held(),
            media.packetsSent()),
        heard.stats());
  }

  /** What the caller heard, as WAV. */
  byte[] heardWav() {
    return heard.wav();
  }

  private String callerUri() {
    return "sip:" + script.from() + "@" + services.carrierHost + ";user=phone";
  }

  /** An SDP body for the caller's RTP port with a new session version. */
  synchronized byte[] offer(String direction, List<Integer> payloads) {
    return Sdp.write(services.bindAddress(), media.localPort(), sdpVersion++, payloads, direction)
        .getBytes(StandardCharsets.UTF_8);
  }

  private void move(TrunkCallState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("trunk call " + id() + ": " + state + " → " + next);
    }
    state = next;
  }

  static @Nullable Sdp sdpOf(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Sdp.parse(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
