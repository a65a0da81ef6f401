package io.tandem.emulator.world;

import org.jspecify.annotations.Nullable;

/**
 * A licensed Teams user of an emulated tenant: Entra object id, UPN, display name, an optional
 * Teams phone number (+E164), and how their Teams client behaves when called.
 */
public record TeamsUser(
    String id,
    String userPrincipalName,
    String displayName,
    @Nullable String phoneNumber,
    @Nullable ClientBehaviour client) {

  public TeamsUser {
    Identifiers.requireNonBlank(id, "user id");
    Identifiers.requireNonBlank(userPrincipalName, "userPrincipalName");
    if (displayName == null || displayName.isBlank()) {
      displayName = userPrincipalName;
    }
    if (phoneNumber != null) {
      Identifiers.requireE164(phoneNumber, "user phoneNumber");
    }
    if (client == null) {
      client = ClientBehaviour.ANSWERS;
    }
  }

  /** This user with another client behaviour. */
  public TeamsUser withClient(ClientBehaviour behaviour) {
    return new TeamsUser(id, userPrincipalName, displayName, phoneNumber, behaviour);
  }
}
