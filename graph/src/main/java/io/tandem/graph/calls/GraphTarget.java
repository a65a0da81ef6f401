package io.tandem.graph.calls;

import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/** Whom a call, transfer, redirect or invitation goes to, as a Graph {@code identitySet}. */
public sealed interface GraphTarget {

  /** Writes this target as an {@code identitySet} into {@code identity}. */
  void writeIdentity(ObjectNode identity);

  /** A Teams user by Entra object id. */
  record TeamsUser(String userId, String displayName) implements GraphTarget {
    @Override
    public void writeIdentity(ObjectNode identity) {
      identity.put("@odata.type", "#microsoft.graph.identitySet");
      ObjectNode user = identity.putObject("user");
      user.put("@odata.type", "#microsoft.graph.identity");
      user.put("id", userId);
      user.put("displayName", displayName);
    }
  }

  /** A PSTN number; reachable only from calls that belong to an application instance. */
  record Phone(String e164) implements GraphTarget {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Phone {
      if (!E164.matcher(e164).matches()) {
        throw new IllegalArgumentException("a phone target is +E164: " + e164);
      }
    }

    @Override
    public void writeIdentity(ObjectNode identity) {
      identity.put("@odata.type", "#microsoft.graph.identitySet");
      ObjectNode phone = identity.putObject("phone");
      phone.put("@odata.type", "#microsoft.graph.identity");
      phone.put("id", e164);
    }
  }
}
