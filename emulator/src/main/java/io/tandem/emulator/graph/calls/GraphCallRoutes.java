package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.entra.EntraRoutes;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.graph.GraphThrottle;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.RouteHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /v1.0/communications/calls} surface: parses each request at the edge (token, role,
 * throttle, body) and hands it to the call logic. Actions are routed by their last path segment,
 * with or without the {@code microsoft.graph.} prefix the Kiota SDKs put on them.
 */
final class GraphCallRoutes {

  private static final String BASE = GraphRequests.BASE;
  private static final String[] ANY_CALLS_ROLE = {
    "Calls.Initiate.All",
    "Calls.InitiateGroupCall.All",
    "Calls.JoinGroupCall.All",
    "Calls.JoinGroupCallAsGuest.All",
    "Calls.AccessMedia.All"
  };

  private final GraphAuth auth;
  private final GraphThrottle throttle;
  private final Supplier<GraphCallsSettings> settings;
  private final Calls calls;
  private final CallControl control;
  private final OutgoingCalls outgoing;
  private final MediaOperations media;
  private final Transfers transfers;
  private final ParticipantRoutes participants;

  GraphCallRoutes(
      GraphAuth auth,
      GraphThrottle throttle,
      Supplier<GraphCallsSettings> settings,
      Calls calls,
      CallControl control,
      OutgoingCalls outgoing,
      MediaOperations media,
      Transfers transfers,
      Participants participants) {
    this.auth = auth;
    this.throttle = throttle;
    this.settings = settings;
    this.calls = calls;
    this.control = control;
    this.outgoing = outgoing;
    this.media = media;
    this.transfers = transfers;
    this.participants = new ParticipantRoutes(auth, calls, participants);
  }

  void register(HttpRoutes routes, GraphExchange exchange) {
    exchange
        .add(routes, "POST", BASE, guarded(this::create))
        .add(routes, "GET", BASE + "/{id}", guarded(this::get))
        .add(routes, "DELETE", BASE + "/{id}", guarded(this::delete))
        .add(routes, "GET", BASE + "/{id}/participants", guarded(participants::list))
        .add(routes, "GET", BASE + "/{id}/participants/{pid}", guarded(participants::one))
        .add(routes, "DELETE", BASE + "/{id}/participants/{pid}", guarded(participants::remove))
        .add(routes, "POST", BASE + "/{id}/participants/{action}", guarded(participants::invite))
        .add(
            routes,
            "POST",
            BASE + "/{id}/participants/{pid}/{action}",
            guarded(participants::action))
        .add(routes, "GET", BASE + "/{id}/operations/{opId}", guarded(participants::operation))
        .add(routes, "POST", BASE + "/{id}/{action}", guarded(this::action));
  }

  interface Handler {
    HttpReply handle(HttpCall call, AccessToken token);
  }

  private RouteHandler guarded(Handler handler) {
    return call -> {
      AccessToken token = auth.require(call);
      GraphCallsSettings limits = settings.get();
      if (limits.throttleLimit() > 0) {
        throttle.admit(token, "calls", limits.throttleLimit(), limits.throttleWindow());
      }
      try {
        return handler.handle(call, token);
      } catch (IllegalCallStateException illegal) {
        return GraphErrors.reply(409, "Conflict", illegal.getMessage());
      }
    };
  }

  private HttpReply create(HttpCall request, AccessToken token) {
    JsonNode body = Bodies.object(request, false);
    auth.require(request, OutgoingCalls.rolesFor(body));
    GraphCall call = outgoing.create(token, body);
    ObjectNode json;
    synchronized (call) {
      json = CallJson.call(call);
    }
    json.put("@odata.context", CallJson.CALL_CONTEXT);
    return HttpReply.json(201, json)
        .withHeader("Location", EntraRoutes.baseUrl(request) + BASE + "/" + call.id);
  }

  private HttpReply get(HttpCall request, AccessToken token) {
    GraphCall call = GraphRequests.find(calls, request, token);
    ObjectNode json;
    synchronized (call) {
      json = CallJson.call(call);
    }
    json.put("@odata.context", CallJson.CALL_CONTEXT);
    return HttpReply.json(200, json);
  }

  private HttpReply delete(HttpCall request, AccessToken token) {
    auth.require(request, ANY_CALLS_ROLE);
    control.hangUp(GraphRequests.find(calls, request, token));
    return HttpReply.empty(204);
  }

  private HttpReply action(HttpCall request, AccessToken token) {
    String action = GraphRequests.action(request);
    GraphCall call = GraphRequests.find(calls, request, token);
    return switch (action) {
      case "answer" -> answer(request, call);
      case "reject" -> {
        JsonNode body = Bodies.object(request, true);
        control.reject(
            call,
            Bodies.enumValue(body, "reason", Bodies.REJECT_REASONS, "none"),
            Bodies.callbackUri(body, false));
        yield HttpReply.empty(202);
      }
      case "redirect" -> redirect(request, call);
      case "transfer" -> {
        JsonNode body = Bodies.object(request, false);
        transfers.transfer(
            call, Bodies.target(Bodies.required(body, "transferTarget"), "transferTarget"));
        yield HttpReply.empty(202);
      }
      case "keepAlive" -> {
        control.keepAlive(call);
        yield HttpReply.empty(200);
      }
      case "playPrompt" -> {
        JsonNode body = Bodies.object(request, false);
        List<String> prompts = Bodies.prompts(body, true);
        yield GraphRequests.operationReply(
            request, call, media.playPrompt(call, prompts, Bodies.clientContext(body)));
      }
      case "recordResponse" -> {
        RecordOptions options =
            RecordOptions.parse(Bodies.object(request, true), settings.get().maxRecordDuration());
        yield GraphRequests.operationReply(
            request, call, media.recordResponse(call, options, EntraRoutes.baseUrl(request)));
      }
      case "cancelMediaProcessing" ->
          GraphRequests.operationReply(
              request,
              call,
              media.cancelMediaProcessing(
                  call, Bodies.clientContext(Bodies.object(request, true))));
      case "subscribeToTone" ->
          GraphRequests.operationReply(
              request,
              call,
              media.subscribeToTone(call, Bodies.clientContext(Bodies.object(request, true))));
      case "sendDtmfTones" -> {
        JsonNode body = Bodies.object(request, false);
        JsonNode tones = Bodies.required(body, "tones");
        if (!tones.isArray() || tones.isEmpty()) {
          throw GraphErrors.badRequest("The property 'tones' must be a non-empty array of tone.");
        }
        List<String> wire = new ArrayList<>();
        for (int i = 0; i < tones.size(); i++) {
          ObjectNode holder = io.tandem.emulator.http.Json.object();
          holder.set("tones[" + i + "]", tones.get(i));
          wire.add(Bodies.enumValue(holder, "tones[" + i + "]", Tones.WIRE, null));
        }
        Bodies.optionalInt(body, "delayBetweenTonesMs", 0, 60_000);
        yield GraphRequests.operationReply(
            request, call, media.sendDtmfTones(call, wire, Bodies.clientContext(body)));
      }
      case "mute", "unmute" ->
          GraphRequests.operationReply(
              request,
              call,
              media.mute(
                  call, action.equals("mute"), Bodies.clientContext(Bodies.object(request, true))));
      case "updateRecordingStatus" -> {
        JsonNode body = Bodies.object(request, false);
        String status = Bodies.enumValue(body, "status", Bodies.RECORDING_STATUSES, null);
        yield GraphRequests.operationReply(
            request, call, media.updateRecordingStatus(call, status, Bodies.clientContext(body)));
      }
      case "changeScreenSharingRole" -> {
        Bodies.enumValue(
            Bodies.object(request, false), "role", java.util.Set.of("viewer", "sharer"), null);
        yield HttpReply.empty(202);
      }
      default -> throw GraphRequests.segmentNotFound(action);
    };
  }

  private HttpReply answer(HttpCall request, GraphCall call) {
    JsonNode body = Bodies.object(request, false);
    var callbackUri = Bodies.callbackUri(body, true);
    JsonNode mediaConfig = Bodies.mediaConfig(body);
    JsonNode modalities = body.path("acceptedModalities");
    for (int i = 0; i < modalities.size(); i++) {
      ObjectNode holder = io.tandem.emulator.http.Json.object();
      holder.set("acceptedModalities[" + i + "]", modalities.get(i));
      Bodies.enumValue(holder, "acceptedModalities[" + i + "]", Bodies.MODALITIES, null);
    }
    Bodies.optionalInt(body, "participantCapacity", 1, 10_000);
    control.answer(
        call, java.util.Objects.requireNonNull(callbackUri), mediaConfig, body.get("callOptions"));
    return HttpReply.empty(202);
  }

  private HttpReply redirect(HttpCall request, GraphCall call) {
    JsonNode body = Bodies.object(request, false);
    JsonNode targets = Bodies.required(body, "targets");
    if (!targets.isArray() || targets.isEmpty()) {
      throw GraphErrors.badRequest("The property 'targets' must be a non-empty array.");
    }
    Target target = Bodies.target(targets.get(0), "targets[0]");
    Integer timeout = Bodies.optionalInt(body, "timeout", 1, 3600);
    transfers.redirect(
        call,
        target,
        timeout == null ? null : Duration.ofSeconds(timeout),
        Bodies.callbackUri(body, false));
    return HttpReply.empty(202);
  }
}
