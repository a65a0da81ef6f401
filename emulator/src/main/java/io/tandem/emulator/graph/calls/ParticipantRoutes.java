package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The participants and operations of a call: list, get, remove and invite participants, mute or
 * hold-music actions on one participant, and operation status. {@link GraphCallRoutes} registers
 * them behind the same token and throttle checks.
 */
final class ParticipantRoutes {

  private final GraphAuth auth;
  private final Calls calls;
  private final Participants participants;

  ParticipantRoutes(GraphAuth auth, Calls calls, Participants participants) {
    this.auth = auth;
    this.calls = calls;
    this.participants = participants;
  }

  HttpReply list(HttpCall request, AccessToken token) {
    GraphCall call = GraphRequests.find(calls, request, token);
    ObjectNode list = io.tandem.emulator.http.Json.object();
    list.put(
        "@odata.context",
        GraphExchange.METADATA + "communications/calls('" + call.id + "')/participants");
    synchronized (call) {
      list.set("value", CallJson.participants(call));
    }
    return HttpReply.json(200, list);
  }

  HttpReply one(HttpCall request, AccessToken token) {
    GraphCall call = GraphRequests.find(calls, request, token);
    synchronized (call) {
      ObjectNode participant = call.participants.get(request.variable("pid"));
      if (participant == null) {
        throw GraphErrors.notFound(
            "Participant " + request.variable("pid") + " is not in call " + call.id + ".");
      }
      return HttpReply.json(200, participant.deepCopy());
    }
  }

  HttpReply remove(HttpCall request, AccessToken token) {
    participants.remove(GraphRequests.find(calls, request, token), request.variable("pid"));
    return HttpReply.empty(204);
  }

  HttpReply invite(HttpCall request, AccessToken token) {
    String action = GraphRequests.action(request);
    if (!action.equals("invite")) {
      throw GraphRequests.segmentNotFound(action);
    }
    auth.require(request, "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All");
    GraphCall call = GraphRequests.find(calls, request, token);
    JsonNode body = Bodies.object(request, false);
    JsonNode list = Bodies.required(body, "participants");
    if (!list.isArray() || list.isEmpty()) {
      throw GraphErrors.badRequest("The property 'participants' must be a non-empty array.");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      targets.add(Bodies.target(list.get(i), "participants[" + i + "]"));
    }
    return GraphRequests.operationReply(
        request, call, participants.invite(call, targets.get(0), Bodies.clientContext(body)));
  }

  HttpReply action(HttpCall request, AccessToken token) {
    GraphCall call = GraphRequests.find(calls, request, token);
    String action = GraphRequests.action(request);
    String type =
        switch (action) {
          case "mute" -> "muteParticipantOperation";
          case "startHoldMusic" -> "startHoldMusicOperation";
          case "stopHoldMusic" -> "stopHoldMusicOperation";
          default -> throw GraphRequests.segmentNotFound(action);
        };
    JsonNode body = Bodies.object(request, true);
    synchronized (call) {
      if (!call.participants.containsKey(request.variable("pid"))) {
        throw GraphErrors.notFound(
            "Participant " + request.variable("pid") + " is not in call " + call.id + ".");
      }
      if (!call.state.carriesMedia()) {
        throw new IllegalCallStateException(call.id, call.state, action);
      }
      CommsOperation operation =
          new CommsOperation(
              java.util.UUID.randomUUID().toString(), type, Bodies.clientContext(body));
      operation.finish(ResultInfos.completed());
      call.operations.put(operation.id, operation);
      if (!action.equals("mute")) {
        participants.holdMusic(call, request.variable("pid"), action.equals("startHoldMusic"));
      }
      return GraphRequests.operationReply(request, call, operation);
    }
  }

  HttpReply operation(HttpCall request, AccessToken token) {
    GraphCall call = GraphRequests.find(calls, request, token);
    synchronized (call) {
      CommsOperation operation = call.operations.get(request.variable("opId"));
      if (operation == null) {
        throw GraphErrors.notFound("Operation " + request.variable("opId") + " was not found.");
      }
      return HttpReply.json(200, operation.toJson());
    }
  }
}
