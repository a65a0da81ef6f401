package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.World;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CreateCall: a call connection that rings every target at once (as the resource account named by
 * {@code teamsAppSource}, or with {@code sourceCallerIdNumber} for phone targets), CallConnected
 * once the first answers, the others joining as they answer, CreateCallFailed when none does
 * ({@link GroupCallTargets}).
 */
final class CreateCallRoutes {

  /** How long a created (or redirected) call rings its target before it fails (408). */
  static final Duration CREATE_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final World world;
  private final Calls calls;
  private final CallServices services;
  private final Ringer ringer;
  private final TeamsExtensionAssignments assignments;
  private final CallStreams streams;

  CreateCallRoutes(
      World world,
      Calls calls,
      CallServices services,
      Ringer ringer,
      TeamsExtensionAssignments assignments,
      CallStreams streams) {
    this.world = world;
    this.calls = calls;
    this.services = services;
    this.ringer = ringer;
    this.assignments = assignments;
    this.streams = streams;
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
    String shownNumber =
        callerId != null
            ? callerId.text("value")
            : account != null && account.phoneNumber() != null ? account.phoneNumber() : null;
    GroupCallTargets group = new GroupCallTargets(call, calls, operationContext, targets);
    List<Ringer.Ring> rings = new java.util.ArrayList<>();
    for (CommunicationIdentifier target : targets) {
      Map<String, String> ringing = new java.util.LinkedHashMap<>();
      ringing.put("target", target.rawId());
      if (shownNumber != null) {
        ringing.put("callerNumber", shownNumber);
      }
      if (account != null) {
        ringing.put("source", CommunicationIdentifier.resourceAccount(account.id()).rawId());
      }
      services
          .journal()
          .event(io.tandem.emulator.journal.Channel.ACS, "call.ringingTarget", call.id(), ringing);
      rings.add(ringer.ring(call.id(), target, CREATE_CALL_TIMEOUT, group.listenerFor(target)));
    }
    call.whenDisconnected(() -> rings.forEach(Ringer.Ring::cancel));
    return reply;
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
