package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The wire form of a call and of its notifications ({@code commsNotifications}). */
final class CallJson {

  static final String CALL_CONTEXT = GraphExchange.METADATA + "app/calls/$entity";

  private CallJson() {}

  /** The whole call resource, as GET, create and the incoming-call notification show it. */
  static ObjectNode call(GraphCall call) {
    ObjectNode json = Json.object();
    json.put("@odata.type", "#microsoft.graph.call");
    json.put("id", call.id);
    json.put("state", call.state.wire());
    json.put("direction", call.incoming ? "incoming" : "outgoing");
    if (call.callbackUri != null) {
      json.put("callbackUri", call.callbackUri.toString());
    } else {
      json.putNull("callbackUri");
    }
    json.put("callChainId", call.callChainId);
    json.put("myParticipantId", call.myParticipantId);
    json.put("tenantId", call.tenantId);
    if (call.subject != null) {
      json.put("subject", call.subject);
    }
    json.set("source", call.source);
    json.set("targets", call.targets);
    json.set("requestedModalities", call.requestedModalities);
    json.putArray("callRoutes");
    json.putObject("mediaState").put("audio", call.state.carriesMedia() ? "active" : "inactive");
    if (call.mediaConfig != null) {
      json.set("mediaConfig", call.mediaConfig);
    }
    if (call.callOptions != null) {
      json.set("callOptions", call.callOptions);
    }
    if (call.meetingInfo != null) {
      json.set("meetingInfo", call.meetingInfo);
    }
    if (call.chatInfo != null) {
      json.set("chatInfo", call.chatInfo);
    }
    if (call.incomingContext != null) {
      json.set("incomingContext", call.incomingContext);
    }
    if (call.toneInfo != null) {
      json.set("toneInfo", call.toneInfo);
    }
    if (call.resultInfo != null) {
      json.set("resultInfo", call.resultInfo);
    } else {
      json.putNull("resultInfo");
    }
    return json;
  }

  /** The short resourceData of a state notification. */
  static ObjectNode stateData(GraphCall call) {
    ObjectNode data = header(call);
    data.put("state", call.state.wire());
    if (call.resultInfo != null) {
      data.set("resultInfo", call.resultInfo);
    }
    if (call.terminationReason != null) {
      data.put("terminationReason", call.terminationReason);
    }
    return data;
  }

  /** resourceData with the call's {@code @odata} header only. */
  static ObjectNode header(GraphCall call) {
    ObjectNode data = Json.object();
    data.put("@odata.type", "#microsoft.graph.call");
    data.put("@odata.id", call.resourceUrl());
    data.put("@odata.etag", "W/\"" + call.etag + "\"");
    return data;
  }

  /** A {@code commsNotifications} body holding one notification. */
  static ObjectNode notifications(String changeType, String resourceUrl, Object resourceData) {
    ObjectNode body = Json.object();
    body.put("@odata.type", "#microsoft.graph.commsNotifications");
    ObjectNode one = body.putArray("value").addObject();
    one.put("@odata.type", "#microsoft.graph.commsNotification");
    one.put("changeType", changeType);
    one.put("resourceUrl", resourceUrl);
    one.set("resourceData", Json.MAPPER.valueToTree(resourceData));
    return body;
  }

  /** The participants of a call, as the list and the roster notifications show them. */
  static ArrayNode participants(GraphCall call) {
    ArrayNode list = Json.array();
    call.participants.values().forEach(list::add);
    return list;
  }

  /** A participant entity. */
  static ObjectNode participant(String id, ObjectNode identity) {
    ObjectNode json = Json.object();
    json.put("@odata.type", "#microsoft.graph.participant");
    json.put("id", id);
    ObjectNode info = json.putObject("info");
    info.put("@odata.type", "#microsoft.graph.participantInfo");
    info.set("identity", identity);
    info.put("endpointType", "default");
    info.put("participantId", id);
    json.put("isMuted", false);
    json.put("isInLobby", false);
    ObjectNode stream = json.putArray("mediaStreams").addObject();
    stream.put("@odata.type", "#microsoft.graph.mediaStream");
    stream.put("mediaType", "audio");
    stream.put("label", "main-audio");
    stream.put("sourceId", "1");
    stream.put("direction", "sendReceive");
    stream.put("serverMuted", false);
    return json;
  }
}
