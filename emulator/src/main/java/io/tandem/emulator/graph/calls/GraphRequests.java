package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.entra.EntraRoutes;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import tools.jackson.databind.node.ObjectNode;

/** What the calls routes share: finding the caller's call, action names, operation replies. */
final class GraphRequests {

  static final String BASE = "/v1.0/communications/calls";
  private static final String PREFIX = "microsoft.graph.";

  private GraphRequests() {}

  static HttpReply operationReply(HttpCall request, GraphCall call, CommsOperation operation) {
    ObjectNode json;
    synchronized (call) {
      json = operation.toJson();
    }
    json.put("@odata.context", GraphExchange.METADATA + "microsoft.graph." + operation.type);
    return HttpReply.json(200, json)
        .withHeader(
            "Location",
            EntraRoutes.baseUrl(request) + BASE + "/" + call.id + "/operations/" + operation.id);
  }

  static GraphCall find(Calls calls, HttpCall request, AccessToken token) {
    GraphCall call = calls.require(request.variable("id"), token.tenantId());
    if (!call.appId.equalsIgnoreCase(token.appId())) {
      throw GraphErrors.notFound("Call " + call.id + " was not found or has already ended.");
    }
    return call;
  }

  static String action(HttpCall request) {
    String action = request.variable("action");
    return action.startsWith(PREFIX) ? action.substring(PREFIX.length()) : action;
  }

  static RuntimeException segmentNotFound(String segment) {
    return GraphErrors.badRequest("Resource not found for the segment '" + segment + "'.");
  }
}
