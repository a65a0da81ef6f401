package io.tandem.sip.b2bua;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.DataLookup;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailIntake;
import java.util.Optional;

/** The tenants the node serves, as the channel sees them. */
public interface Tenants {

  /** How to reach {@code tenant}'s writer; empty when the node does not serve it. */
  Optional<TenantAccess> access(TenantId tenant);

  /**
   * The Teams phone number ({@code +E.164}) Direct Routing rings for {@code agent}; empty when the
   * agent has none (the offer is then declined).
   */
  Optional<String> teamsNumber(TenantId tenant, AgentId agent);

  /** The data lookups the entry flow of {@code interaction} may make. */
  DataLookup lookups(TenantId tenant, InteractionId interaction);

  /**
   * Where {@code tenant}'s voicemail messages are kept; empty when the node keeps none (a caller
   * sent to voicemail is then hung up with no message).
   */
  default Optional<VoicemailIntake> voicemail(TenantId tenant) {
    return Optional.empty();
  }
}
