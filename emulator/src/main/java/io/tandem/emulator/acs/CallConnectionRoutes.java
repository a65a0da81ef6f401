package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.World;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answer, reject and redirect an incoming call; create, get, hang up and terminate call
 * connections; transfer to a participant.
 */
final class CallConnectionRoutes {

  /** How long a created call rings its target before CreateCallFailed (408). */
  static final Duration CREATE_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final World world;
  private final Calls calls;
  private final IncomingCallContexts contexts;
  private final CallServices services;
  private final Ringer ringer;
  private final TeamsExtensionAssignments assignments;
  private final CallStreams streams;
  private final Journal journal;

  CallConnectionRoutes(
      World world,
      Calls calls,
      IncomingCallContexts contexts,
      CallServices services,
      Ringer ringer,
      TeamsExtensionAssignments assignments,
      CallStreams streams) {
    this.world = world;
    this.calls = calls;
    this.contexts = contexts;
    this.services = services;
    this.ringer = ringer;
    this.assignments = assignments;
    this.streams = streams;
    this.journal = services.journal();
  }

  HttpReply answer(AcsRequest request) {
    RequestBody body = request.body();
    IncomingCall incoming = ringing(request, body);
    URI callbackUri = body.uri("callbackUri");
    String operationContext = body.optionalText("operationContext");
    StreamingOptions media = StreamingOptions.parse(body);
    if (!incoming.moveTo(IncomingCallState.ANSWERED)) {
      throw noLongerRinging(incoming);
    }
    calls.stopRinging(incoming);
    AcsCall call =
        new AcsCall(
            incoming.serverCallId(),
            incoming.correlationId(),
            request.resource(),
            callbackUri,
            services);
    CommunicationIdentifier caller = CommunicationIdentifier.phone(incoming.caller().from());
    CommunicationIdentifier account =
        CommunicationIdentifier.resourceAccount(incoming.resourceAccount().id());
    call.describe(
        properties -> {
          properties.putArray("targets").add(account.toJson());
          properties.set("source", caller.toJson());
          properties.putObject("sourceCallerIdNumber").put("value", incoming.caller().from());
          if (incoming.caller().displayName() != null) {
            properties.put("sourceDisplayName", incoming.caller().displayName());
          }
          properties.set("answeredFor", account.toJson());
          RequestBody answeredBy = body.optionalObject("answeredBy");
          if (answeredBy != null) {
            properties.set("answeredBy", CommunicationIdentifier.parse(answeredBy).toJson());
          }
        });
    call.roster().add(caller);
    calls.connected(call);
    ScriptedCaller scripted =
        new ScriptedCaller(
            call, incoming.caller(), incoming.dialledAt(), journal, this::callerHungUp);
    call.roster().caller(scripted);
    streams.attach(call, media);
    HttpReply reply = HttpReply.json(200, call.toJson());
    journal.event(
        Channel.ACS, "call.answered", call.id(), Map.of("correlationId", call.correlationId()));
    connect(call, operationContext);
    incoming.answeredAs(call);
    scripted.answered();
    return reply;
  }

  HttpReply reject(AcsRequest request) {
    RequestBody body = request.body();
    IncomingCall incoming = ringing(request, body);
    String reason = body.oneOf("callRejectReason", "none", "none", "busy", "forbidden");
    if (!incoming.reject(String.valueOf(reason))) {
      throw noLongerRinging(incoming);
    }
    calls.stopRinging(incoming);
    journal.event(
        Channel.ACS,
        "call.rejected",
        incoming.correlationId(),
        Map.of("reason", String.valueOf(reason)));
    return HttpReply.empty(204);
  }

  HttpReply redirect(AcsRequest request) {
    RequestBody body = request.body();
    IncomingCall incoming = ringing(request, body);
    CommunicationIdentifier target = CommunicationIdentifier.parse(body.object("target"));
    if (!incoming.moveTo(IncomingCallState.REDIRECTED)) {
      throw noLongerRinging(incoming);
    }
    calls.stopRinging(incoming);
    journal.event(
        Channel.ACS, "call.redirected", incoming.correlationId(), Map.of("target", target.rawId()));
    ringer.ring(
        incoming.correlationId(),
        target,
        CREATE_CALL_TIMEOUT,
        new Ringer.Listener() {
          @Override
          public void answered(Ringer.Ring ring) {
            journal.event(
                Channel.ACS,
                "redirect.answered",
                incoming.correlationId(),
                Map.of("target", target.rawId()));
          }

          @Override
          public void failed(ResultInformation reason) {
            journal.event(
                Channel.ACS,
                "redirect.failed",
                incoming.correlationId(),
                Map.of("target", target.rawId(), "reason", reason.message()));
          }
        });
    return HttpReply.empty(204);
  }

  HttpReply create(AcsRequest request) {
    RequestBody body = request.body();
    List<CommunicationIdentifier> targets =
        body.array("targets").stream().map(CommunicationIdentifier::parse).toList();
    URI callbackUri = body.uri("callbackUri");
    RequestBody callerId = body.optionalObject("sourceCallerIdNumber");
    if (callerId != null) {
      CommunicationIdentifier.parse(callerIdModel(callerId));
    }
    if (callerId == null && targets.stream().anyMatch(CommunicationIdentifier::isPhone)) {
      throw AcsErrors.badRequest(
          "sourceCallerIdNumber",
          "The sourceCallerIdNumber field is required to call a phone number.");
    }
    RequestBody appSource = body.optionalObject("teamsAppSource");
    ResourceAccount account = appSource == null ? null : resourceAccount(request, appSource);
    for (int i = 0; i < targets.size(); i++) {
      assignments.requireAllowed(request, targets.get(i), "targets[" + i + "]");
    }
    StreamingOptions media = StreamingOptions.parse(body);
    String operationContext = body.optionalText("operationContext");
    String correlationId = UUID.randomUUID().toString();
    AcsCall call =
        new AcsCall(
            java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("emulator/conv/" + correlationId)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            correlationId,
            request.resource(),
            callbackUri,
            services);
    call.describe(
        properties -> {
          var list = properties.putArray("targets");
          targets.forEach(t -> list.add(t.toJson()));
          if (callerId != null) {
            properties.set("sourceCallerIdNumber", callerId.copy());
          }
          String displayName = body.optionalText("sourceDisplayName");
          if (displayName != null) {
            properties.put("sourceDisplayName", displayName);
          }
          if (account != null) {
            properties.set(
                "source", CommunicationIdentifier.resourceAccount(account.id()).toJson());
          } else if (body.has("source")) {
            properties.set("source", body.node().get("source").deepCopy());
          }
        });
    calls.connected(call);
    streams.attach(call, media);
    HttpReply reply = HttpReply.json(201, call.toJson());
    CommunicationIdentifier target = targets.get(0);
    Ringer.Ring ring =
        ringer.ring(
            call.id(),
            target,
            CREATE_CALL_TIMEOUT,
            new Ringer.Listener() {
              @Override
              public void answered(Ringer.Ring leg) {
                call.roster().add(target);
                call.roster().leg(target.rawId(), leg);
                connect(call, operationContext);
              }

              @Override
              public void failed(ResultInformation reason) {
                call.emit("CreateCallFailed", null, operationContext, reason, data -> {});
                calls.forget(call);
              }

              @Override
              public void hungUp() {
                participantLeft(call, target);
              }
            });
    call.whenDisconnected(ring::cancel);
    return reply;
  }

  HttpReply get(AcsRequest request) {
    return HttpReply.json(
        200, calls.connection(request, request.variable("callConnectionId")).toJson());
  }

  /**
   * DELETE: the application leaves; with two or more other participants, they talk on. A connection
   * made by connect leaves alone.
   */
  HttpReply hangUp(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    boolean othersStay = !call.isRoot() || call.roster().participants().size() >= 2;
    journal.event(
        Channel.ACS, othersStay ? "call.applicationLeft" : "call.hungUp", call.id(), Map.of());
    if (!othersStay) {
      call.roster().removeLegs().forEach(Ringer.Ring::hangUp);
    }
    calls.disconnect(call, ResultInformation.CALL_ENDED);
    return HttpReply.empty(204);
  }

  /** Ends the call for everyone, every connection to it included. */
  HttpReply terminate(AcsRequest request) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    journal.event(Channel.ACS, "call.terminated", call.id(), Map.of());
    call.roster().removeLegs().forEach(Ringer.Ring::hangUp);
    calls.disconnect(call, ResultInformation.CALL_ENDED);
    calls.disconnect(call.root(), ResultInformation.CALL_ENDED);
    return HttpReply.empty(204);
  }

  /** Connected: CallConnected, then the roster. */
  static void connect(AcsCall call, @org.jspecify.annotations.Nullable String operationContext) {
    if (call.moveTo(CallConnectionState.CONNECTED)) {
      call.emit("CallConnected", operationContext, ResultInformation.CALL_CONNECTED);
      call.reportRoster();
    }
  }

  /** The PSTN caller hung up. */
  void callerHungUp(AcsCall call) {
    ScriptedCaller scripted = call.roster().caller();
    if (scripted != null) {
      participantLeft(call, CommunicationIdentifier.fromRawId(scripted.rawId()));
    }
  }

  /** A participant left the call; see {@link Calls#participantLeft}. */
  void participantLeft(AcsCall call, CommunicationIdentifier who) {
    calls.participantLeft(call, who);
  }

  private IncomingCall ringing(AcsRequest request, RequestBody body) {
    String context = body.text("incomingCallContext");
    String correlationId = contexts.correlationId(context);
    IncomingCall incoming =
        calls
            .incoming(correlationId)
            .filter(call -> call.resource().id().equals(request.resource().id()))
            .orElseThrow(
                () ->
                    AcsErrors.badRequest(
                        "incomingCallContext",
                        "The incomingCallContext has expired: the call is no longer ringing this resource."));
    return incoming;
  }

  private static RuntimeException noLongerRinging(IncomingCall incoming) {
    return AcsErrors.badRequest(
        "incomingCallContext",
        "The call is no longer ringing: it was "
            + incoming.state().name().toLowerCase(java.util.Locale.ROOT)
            + ".");
  }

  private static RequestBody callerIdModel(RequestBody callerId) {
    String value = callerId.text("value");
    var model = Json.object().put("kind", "phoneNumber");
    model.putObject("phoneNumber").put("value", value);
    return RequestBody.wrap(model, callerId.path("").replaceAll("\\.$", ""));
  }

  private ResourceAccount resourceAccount(AcsRequest request, RequestBody appSource) {
    CommunicationIdentifier app = CommunicationIdentifier.parse(appSource);
    String appId = appSource.object("microsoftTeamsApp").text("appId");
    if (!app.kind().equals(CommunicationIdentifier.TEAMS_APP)) {
      throw AcsErrors.badRequest(
          "teamsAppSource.kind", "teamsAppSource must be a microsoftTeamsApp identifier.");
    }
    return world.tenants().stream()
        .flatMap(t -> t.resourceAccounts().stream())
        .filter(ra -> ra.id().equalsIgnoreCase(appId))
        .filter(ra -> request.resource().id().equals(ra.acsResourceId()))
        .findFirst()
        .orElseThrow(
            () ->
                AcsErrors.of(
                    403,
                    "Forbidden",
                    "The Teams resource account "
                        + appId
                        + " is not linked to this Communication Services resource.",
                    "teamsAppSource.microsoftTeamsApp.appId",
                    null));
  }
}
