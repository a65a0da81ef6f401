package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.World;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /communications/calls}: a bot places a call to a Teams user or a phone number (PSTN
 * only from an application instance), or joins a meeting. The call starts {@code establishing}; it
 * becomes {@code established} when the callee answers, and ends when they decline, are busy or do
 * not answer within the ring timeout.
 */
final class OutgoingCalls {

  /** Which application permission a create needs, by the kind of call. */
  static String[] rolesFor(JsonNode body) {
    if (body.has("meetingInfo") || body.has("chatInfo")) {
      return new String[] {"Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"};
    }
    if (body.path("targets").size() > 1) {
      return new String[] {"Calls.InitiateGroupCall.All"};
    }
    return new String[] {"Calls.Initiate.All"};
  }

  private final World world;
  private final CallControl control;
  private final BotNotifier notifier;
  private final Callees callees;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;

  OutgoingCalls(
      World world,
      CallControl control,
      BotNotifier notifier,
      Callees callees,
      Scheduler scheduler,
      Journal journal,
      Supplier<GraphCallsSettings> settings) {
    this.world = world;
    this.control = control;
    this.notifier = notifier;
    this.callees = callees;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
  }

  GraphCall create(AccessToken token, JsonNode body) {
    URI callbackUri = Bodies.callbackUri(body, true);
    JsonNode mediaConfig = Bodies.mediaConfig(body);
    ArrayNode modalities = modalities(body);
    String tenantId = Bodies.optionalText(body, "tenantId");
    if (tenantId != null && !tenantId.equalsIgnoreCase(token.tenantId())) {
      throw GraphErrors.badRequest(
          "The property 'tenantId' (" + tenantId + ") is not the tenant of the access token.");
    }
    ResourceAccount instance = applicationInstance(token, body);
    boolean meeting = body.has("meetingInfo") || body.has("chatInfo");
    List<Target> targets = new ArrayList<>();
    JsonNode targetList = body.path("targets");
    if (!meeting && (!targetList.isArray() || targetList.isEmpty())) {
      throw GraphErrors.badRequest("The required property 'targets' is missing or empty.");
    }
    for (int i = 0; i < targetList.size(); i++) {
      Target target = Bodies.target(targetList.get(i), "targets[" + i + "]");
      if (target.kind() == Target.Kind.PHONE && instance == null) {
        throw GraphErrors.problem(
            403,
            "Forbidden",
            "A call to a PSTN number needs an application instance as its source"
                + " (source/identity/applicationInstance).");
      }
      if (target.kind() == Target.Kind.USER && callees.user(token.tenantId(), target).isEmpty()) {
        throw GraphErrors.badRequest(
            "The property 'targets["
                + i
                + "]/identity/user/id' names no user of tenant "
                + token.tenantId()
                + ": "
                + target.id());
      }
      targets.add(target);
    }
    GraphCall call =
        control.newCall(
            token.tenantId(), token.appId(), false, instance == null ? null : instance.id());
    synchronized (call) {
      call.callbackUri = callbackUri;
      call.mediaConfig = mediaConfig;
      call.requestedModalities = modalities;
      call.subject = Bodies.optionalText(body, "subject");
      call.meetingInfo = body.get("meetingInfo");
      call.chatInfo = body.get("chatInfo");
      call.callOptions = body.get("callOptions");
      call.source = source(body, token, instance);
      targetList.forEach(call.targets::add);
      CallControl.addBotParticipant(call);
      journal.event(
          Channel.GRAPH,
          "call.created",
          call.id,
          Map.of("targets", Integer.toString(targets.size())));
      if (!settings.get().establishedBeforeEstablishing()) {
        notifier.stateChanged(call);
      }
      control.armExpiry(call);
    }
    if (meeting) {
      scheduler.schedule(java.time.Duration.ofSeconds(1), () -> connected(call, null, null));
    } else {
      Target first = targets.get(0);
      Runnable stop =
          callees.ring(
              token.tenantId(), call.id, first, settings.get().ringTimeout(), outcome(call, first));
      synchronized (call) {
        call.stopRinging = call.live() && call.state == CallState.ESTABLISHING ? stop : null;
      }
    }
    return call;
  }

  private Callees.Outcome outcome(GraphCall call, Target target) {
    return new Callees.Outcome() {
      @Override
      public void answered(String personId, Runnable hangUpPerson) {
        connected(call, target, new PersonLeg(personId, hangUpPerson));
      }

      @Override
      public void failed(ObjectNode why) {
        control.end(call, why);
      }

      @Override
      public void personHungUp() {
        control.end(call, ResultInfos.endedByPeer());
      }

      @Override
      public void personPressed(String digits) {
        for (char digit : digits.toCharArray()) {
          control.pressed(call, digit);
        }
      }
    };
  }

  private void connected(GraphCall call, @Nullable Target target, @Nullable PersonLeg person) {
    synchronized (call) {
      if (call.state != CallState.ESTABLISHING) {
        if (person != null) {
          person.botLeft();
        }
        return;
      }
      call.move(CallState.ESTABLISHED);
      call.stopRinging = null;
      call.connectedAt = scheduler.now();
      call.remote = person;
      if (settings.get().establishedBeforeEstablishing()) {
        notifier.established(call);
      } else {
        notifier.stateChanged(call);
      }
      if (target != null) {
        String participantId = UUID.randomUUID().toString();
        ObjectNode identity =
            callees
                .user(call.tenantId, target)
                .map(user -> Parties.userIdentity(user, call.tenantId))
                .orElseGet(() -> Parties.phoneIdentity(target.id(), target.displayName()));
        call.participants.put(participantId, CallJson.participant(participantId, identity));
        call.remoteParticipantId = participantId;
      }
      notifier.rosterChanged(call);
    }
  }

  private static ArrayNode modalities(JsonNode body) {
    JsonNode given = Bodies.required(body, "requestedModalities");
    if (!given.isArray() || given.isEmpty()) {
      throw GraphErrors.badRequest("The property 'requestedModalities' must be a non-empty array.");
    }
    ArrayNode modalities = io.tandem.emulator.http.Json.array();
    for (int i = 0; i < given.size(); i++) {
      ObjectNode holder = io.tandem.emulator.http.Json.object();
      holder.set("m", given.get(i));
      modalities.add(Bodies.enumValue(holder, "m", Bodies.MODALITIES, null));
    }
    return modalities;
  }

  private @Nullable ResourceAccount applicationInstance(AccessToken token, JsonNode body) {
    String id = Bodies.optionalText(body, "source/identity/applicationInstance/id");
    if (id == null) {
      return null;
    }
    ResourceAccount account =
        world
            .resourceAccount(token.tenantId(), id)
            .orElseThrow(
                () ->
                    GraphErrors.badRequest(
                        "The property 'source/identity/applicationInstance/id' names no resource"
                            + " account of the tenant: "
                            + id));
    if (!account.appId().equalsIgnoreCase(token.appId())) {
      throw GraphErrors.problem(
          403,
          "Forbidden",
          "The application instance "
              + id
              + " is linked to app "
              + account.appId()
              + ", not to "
              + token.appId()
              + ".");
    }
    return account;
  }

  private static ObjectNode source(
      JsonNode body, AccessToken token, @Nullable ResourceAccount instance) {
    ObjectNode source = io.tandem.emulator.http.Json.object();
    source.put("@odata.type", "#microsoft.graph.participantInfo");
    ObjectNode identity =
        instance != null
            ? Parties.applicationInstanceIdentity(instance)
            : io.tandem.emulator.http.Json.object();
    if (instance == null) {
      identity.put("@odata.type", "#microsoft.graph.identitySet");
    }
    identity.putObject("application").put("id", token.appId());
    source.set("identity", identity);
    source.put("endpointType", "default");
    return source;
  }
}
