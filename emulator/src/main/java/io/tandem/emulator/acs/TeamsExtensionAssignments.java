package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Teams extension access assignments of each ACS resource ({@code
 * /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}}, api-version 2025-06-30): which
 * Teams resource accounts and agents (users) of a tenant may use the resource. Adding a {@code
 * teamsExtensionUser} to a call needs a {@code user} assignment for that agent.
 */
final class TeamsExtensionAssignments {

  static final String API_VERSION = "2025-06-30";

  private final Map<String, ObjectNode> assignments = new ConcurrentHashMap<>();

  HttpReply put(AcsRequest request) {
    String tenantId = request.variable("tenantId");
    String objectId = request.variable("objectId");
    RequestBody body = request.body();
    String type = body.oneOf("principalType", null, "user", "teamsResourceAccount");
    if (type == null) {
      throw AcsErrors.badRequest("principalType", "The principalType field is required.");
    }
    ObjectNode assignment = Json.object();
    assignment.put("objectId", objectId);
    assignment.put("tenantId", tenantId);
    assignment.put("principalType", type);
    var clientIds = assignment.putArray("clientIds");
    body.texts("clientIds").forEach(clientIds::add);
    if (type.equals("user") && clientIds.isEmpty()) {
      throw AcsErrors.badRequest(
          "clientIds", "The clientIds field is required for principalType user.");
    }
    ObjectNode previous = assignments.put(key(request, tenantId, objectId), assignment);
    return HttpReply.json(previous == null ? 201 : 200, assignment);
  }

  HttpReply get(AcsRequest request) {
    return HttpReply.json(200, find(request));
  }

  HttpReply delete(AcsRequest request) {
    find(request);
    assignments.remove(key(request, request.variable("tenantId"), request.variable("objectId")));
    return HttpReply.empty(204);
  }

  /** Whether agent {@code userId} of {@code tenantId} is assigned to the resource as a user. */
  boolean allowsAgent(String resourceId, String tenantId, String userId) {
    return Optional.ofNullable(assignments.get(key(resourceId, tenantId, userId)))
        .map(a -> a.path("principalType").asString("").equals("user"))
        .orElse(false);
  }

  /**
   * Refuses a {@code teamsExtensionUser} target of another resource (400) or without a user
   * assignment on this one (403); other identifiers pass.
   */
  void requireAllowed(AcsRequest request, CommunicationIdentifier target, String field) {
    if (!target.kind().equals(CommunicationIdentifier.TEAMS_EXTENSION_USER)) {
      return;
    }
    var user = target.model().path(CommunicationIdentifier.TEAMS_EXTENSION_USER);
    String resourceId = user.path("resourceId").asString("");
    if (!resourceId.isBlank() && !resourceId.equalsIgnoreCase(request.resource().id())) {
      throw AcsErrors.badRequest(
          field + ".teamsExtensionUser.resourceId",
          "The teamsExtensionUser's resourceId "
              + resourceId
              + " is not this resource's immutable id.");
    }
    String tenantId = user.path("tenantId").asString("");
    String userId = user.path("userId").asString("");
    if (!allowsAgent(request.resource().id(), tenantId, userId)) {
      throw AcsErrors.of(
          403,
          "Forbidden",
          "The Teams extension user "
              + userId
              + " of tenant "
              + tenantId
              + " has no access assignment (principalType user) on this Communication Services resource.",
          field,
          null);
    }
  }

  private ObjectNode find(AcsRequest request) {
    String tenantId = request.variable("tenantId");
    String objectId = request.variable("objectId");
    ObjectNode assignment = assignments.get(key(request, tenantId, objectId));
    if (assignment == null) {
      throw AcsErrors.notFound(
          "No Teams extension assignment for object " + objectId + " in tenant " + tenantId + ".");
    }
    return assignment;
  }

  private static String key(AcsRequest request, String tenantId, String objectId) {
    return key(request.resource().id(), tenantId, objectId);
  }

  private static String key(String resourceId, String tenantId, String objectId) {
    return (resourceId + "|" + tenantId + "|" + objectId).toLowerCase(Locale.ROOT);
  }
}
