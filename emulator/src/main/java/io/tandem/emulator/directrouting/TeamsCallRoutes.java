package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control API through which a simulated Teams user dials out over Direct Routing: {@code POST
 * /emulator/teams/users/{id}/calls {"to":"+E164"}} places a Teams → SBC call through the tenant's
 * voice routes (201 with the call id and the SBCs in the order they will be tried), {@code GET
 * …/calls/{callId}} shows its state and attempts, {@code DELETE …/calls/{callId}} hangs up (CANCEL
 * or BYE), {@code POST …/consultTransfer {"callA","callB"}} joins the user's two connected calls
 * through one SBC with an INVITE with Replaces (202, {@link ConsultTransfer}). Refusals are RFC
 * 9457 problem documents: 400 for a body that is not JSON or a number that is not +E164, 404 for an
 * unknown user or call, 422 when the user has no number or no voice route matches, 409 when the
 * calls of a consultative transfer are not both connected calls of the user through one SBC (call A
 * being an SBC → Teams call).
 */
final class TeamsCallRoutes {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final CallServices services;
  private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  TeamsCallRoutes(CallServices services) {
    this.services = services;
  }

  void register(HttpRoutes routes) {
    routes
        .add(Channel.CONTROL, "POST", "/emulator/teams/users/{userId}/calls", this::dial)
        .add(Channel.CONTROL, "GET", "/emulator/teams/users/{userId}/calls/{callId}", this::show)
        .add(
            Channel.CONTROL,
            "DELETE",
            "/emulator/teams/users/{userId}/calls/{callId}",
            this::hangUp)
        .add(
            Channel.CONTROL,
            "POST",
            "/emulator/teams/users/{userId}/consultTransfer",
            this::consultTransfer);
  }

  private HttpReply consultTransfer(HttpCall call) {
    TeamsUser user = user(call);
    JsonNode body = call.json(detail -> problem(400, "Invalid request body", detail).reply());
    String idA = body.path("callA").asString("");
    String idB = body.path("callB").asString("");
    if (idA.isEmpty() || idB.isEmpty() || idA.equals(idB)) {
      throw problem(400, "Invalid request body", "\"callA\" and \"callB\" must name two calls");
    }
    TeamsUserCall callA = connectedCall(user, idA);
    TeamsUserCall callB = connectedCall(user, idB);
    if (!(callA instanceof InboundCall inbound)) {
      throw problem(
          409, "Not transferable", "callA must be an SBC → Teams call (the party transferred)");
    }
    Dialog dialogA = callA.dialog();
    Dialog dialogB = callB.dialog();
    if (dialogA == null
        || dialogB == null
        || !SipUri.parse(dialogA.remoteTarget)
            .host()
            .equals(SipUri.parse(dialogB.remoteTarget).host())) {
      throw problem(409, "Not transferable", "callA and callB do not go through the same SBC");
    }
    String replacing = ConsultTransfer.start(services, inbound, callB, user);
    return HttpReply.json(202, Json.object().put("replacingCallId", replacing));
  }

  private TeamsUserCall connectedCall(TeamsUser user, String callId) {
    if (!(services.dialogs.get(callId) instanceof TeamsUserCall found)) {
      throw problem(404, "No such call", "no call " + callId + " through Direct Routing");
    }
    if (!found.isConnected() || !user.id().equalsIgnoreCase(found.teamsUserId())) {
      throw problem(
          409, "Not transferable", "call " + callId + " is not a connected call of " + user.id());
    }
    return found;
  }

  private HttpReply dial(HttpCall call) {
    TeamsUser user = user(call);
    JsonNode body = call.json(detail -> problem(400, "Invalid request body", detail).reply());
    JsonNode to = body.get("to");
    if (to == null || !to.isString() || !E164.matcher(to.asString()).matches()) {
      throw problem(400, "Invalid request body", "\"to\" must be a +E164 number");
    }
    if (user.phoneNumber() == null) {
      throw problem(422, "No phone number", "user " + user.id() + " has no Teams phone number");
    }
    EmulatedTenant tenant = services.world.tenantOfUser(user.id()).orElseThrow();
    List<OutboundTrunk> trunks = services.gatewayOrder.trunksFor(tenant, to.asString());
    if (trunks.isEmpty()) {
      throw problem(
          422,
          "No voice route",
          "no voice route of tenant " + tenant.id() + " matches " + to.asString());
    }
    String callId = UUID.randomUUID().toString();
    OutboundPlan plan =
        new OutboundPlan(
            user.id(),
            user.phoneNumber(),
            to.asString(),
            trunks,
            trunk -> PaiHeaders.forUser(trunk, user));
    OutboundCall outbound = new OutboundCall(services, callId, plan, new OutboundListener() {});
    calls.put(callId, outbound);
    owners.put(callId, user.id());
    services.onCall(callId, outbound::start);
    ObjectNode placed = Json.object().put("callId", callId);
    ArrayNode order = placed.putArray("gateways");
    trunks.forEach(t -> order.add(t.fqdn()));
    return HttpReply.json(201, placed)
        .withHeader("Location", "/emulator/teams/users/" + user.id() + "/calls/" + callId);
  }

  private HttpReply show(HttpCall call) {
    OutboundCall outbound = outbound(call);
    ObjectNode shown =
        Json.object()
            .put("callId", outbound.callId())
            .put("state", outbound.state().name())
            .put("packetsReceived", outbound.packetsReceived());
    ArrayNode tried = shown.putArray("attempts");
    outbound.attempts().forEach(tried::add);
    return HttpReply.json(200, shown);
  }

  private HttpReply hangUp(HttpCall call) {
    OutboundCall outbound = outbound(call);
    services.onCall(outbound.callId(), outbound::hangUp);
    return HttpReply.empty(204);
  }

  /** A call of this user placed through this API. */
  OutboundCall outbound(HttpCall call) {
    TeamsUser user = user(call);
    String callId = call.variable("callId");
    OutboundCall outbound = calls.get(callId);
    if (outbound == null || !user.id().equalsIgnoreCase(owners.get(callId))) {
      throw problem(404, "No such call", "user " + user.id() + " has no call " + callId);
    }
    return outbound;
  }

  TeamsUser user(HttpCall call) {
    String userId = call.variable("userId");
    return services
        .world
        .user(userId)
        .orElseThrow(() -> problem(404, "No such user", "no Teams user with id " + userId));
  }

  static HttpProblem problem(int status, String title, String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return new HttpProblem(
        new HttpReply(
            status, Map.of("Content-Type", "application/problem+json"), Json.bytes(body)));
  }
}
