package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.util.Map;

/**
 * What an application does with an incoming call while it rings: answer (a new call connection; the
 * caller's script starts), reject or redirect, each found by its {@code incomingCallContext}.
 */
final class IncomingCallRoutes {

  private final Calls calls;
  private final IncomingCallContexts contexts;
  private final CallServices services;
  private final Ringer ringer;
  private final CallStreams streams;
  private final Journal journal;

  IncomingCallRoutes(
      Calls calls,
      IncomingCallContexts contexts,
      CallServices services,
      Ringer ringer,
      CallStreams streams) {
    this.calls = calls;
    this.contexts = contexts;
    this.services = services;
    this.ringer = ringer;
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
            call, incoming.caller(), incoming.dialledAt(), journal, calls::callerHungUp);
    call.roster().caller(scripted);
    streams.attach(call, media);
    HttpReply reply = HttpReply.json(200, call.toJson());
    journal.event(
        Channel.ACS, "call.answered", call.id(), Map.of("correlationId", call.correlationId()));
    calls.connect(call, operationContext);
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
        CreateCallRoutes.CREATE_CALL_TIMEOUT,
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
}
