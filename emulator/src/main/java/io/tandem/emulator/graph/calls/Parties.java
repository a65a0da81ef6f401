package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.TeamsUser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** Identity sets and participant infos for the parties of calls, in Graph's wire form. */
final class Parties {

  private Parties() {}

  static ObjectNode phoneIdentity(String e164, @Nullable String displayName) {
    ObjectNode identity = identitySet();
    ObjectNode phone = identity.putObject("phone");
    phone.put("@odata.type", "#microsoft.graph.identity");
    phone.put("id", e164);
    if (displayName != null) {
      phone.put("displayName", displayName);
    }
    return identity;
  }

  static ObjectNode userIdentity(TeamsUser user, String tenantId) {
    ObjectNode identity = identitySet();
    ObjectNode who = identity.putObject("user");
    who.put("@odata.type", "#microsoft.graph.identity");
    who.put("id", user.id());
    who.put("displayName", user.displayName());
    who.put("tenantId", tenantId);
    return identity;
  }

  static ObjectNode applicationInstanceIdentity(ResourceAccount account) {
    ObjectNode identity = identitySet();
    ObjectNode instance = identity.putObject("applicationInstance");
    instance.put("@odata.type", "#microsoft.graph.identity");
    instance.put("id", account.id());
    instance.put("displayName", account.displayName());
    return identity;
  }

  /** The {@code source} of a PSTN caller's call. */
  static ObjectNode phoneSource(String e164, @Nullable String displayName) {
    ObjectNode source = Json.object();
    source.put("@odata.type", "#microsoft.graph.participantInfo");
    source.set("identity", phoneIdentity(e164, displayName));
    source.put("endpointType", "default");
    source.put("region", "amer");
    source.put("languageId", "en-US");
    return source;
  }

  /** A {@code targets[]} entry for a call to a resource account. */
  static ObjectNode applicationInstanceTarget(ResourceAccount account) {
    ObjectNode target = Json.object();
    target.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
    target.set("identity", applicationInstanceIdentity(account));
    target.put("endpointType", "default");
    return target;
  }

  private static ObjectNode identitySet() {
    ObjectNode identity = Json.object();
    identity.put("@odata.type", "#microsoft.graph.communicationsIdentitySet");
    return identity;
  }
}
