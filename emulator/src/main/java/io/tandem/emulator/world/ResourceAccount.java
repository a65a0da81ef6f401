package io.tandem.emulator.world;

import org.jspecify.annotations.Nullable;

/**
 * A Teams resource account (application instance): object id, UPN, phone number, the bot app it is
 * linked to ({@code New-CsOnlineApplicationInstance -ApplicationId}), and, for Teams Phone
 * extensibility, the ACS resource it is linked to ({@code -AcsResourceId}).
 */
public record ResourceAccount(
    String id,
    String userPrincipalName,
    String displayName,
    @Nullable String phoneNumber,
    String appId,
    @Nullable String acsResourceId) {

  public ResourceAccount {
    Identifiers.requireNonBlank(id, "resource account id");
    Identifiers.requireNonBlank(userPrincipalName, "userPrincipalName");
    Identifiers.requireNonBlank(appId, "resource account appId");
    if (displayName == null || displayName.isBlank()) {
      displayName = userPrincipalName;
    }
    if (phoneNumber != null) {
      Identifiers.requireE164(phoneNumber, "resource account phoneNumber");
    }
  }

  /** Whether calls to this account go to ACS Call Automation (Unify) rather than a Graph bot. */
  public boolean linkedToAcs() {
    return acsResourceId != null;
  }
}
