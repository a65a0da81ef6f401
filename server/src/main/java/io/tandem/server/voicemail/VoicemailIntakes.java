package io.tandem.server.voicemail;

import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.core.voicemail.VoicemailStore;
import java.security.SecureRandom;

/**
 * The server's voicemail for the channels: one {@link VoicemailIntake} per tenant on the shared
 * store and limits. Thread-safe.
 */
public final class VoicemailIntakes {

  private final VoicemailStore store;
  private final VoicemailLimits limits;
  private final SecureRandom random = new SecureRandom();

  public VoicemailIntakes(VoicemailStore store, VoicemailLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  /** Where {@code tenant}'s channels hand finished recordings. */
  public VoicemailIntake of(TenantId tenant) {
    return new VoicemailIntake(tenant, store, limits, random);
  }

  public VoicemailLimits limits() {
    return limits;
  }
}
