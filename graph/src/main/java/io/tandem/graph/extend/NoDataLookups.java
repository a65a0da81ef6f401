package io.tandem.graph.extend;

import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantAccess;
import java.time.Duration;

/**
 * The data lookup of Extend calls until the server provides an HTTP one: every lookup fails with
 * reason {@code no-lookup-adapter}, reported on the tenant's writer, so the flow takes its failure
 * branch.
 */
final class NoDataLookups implements DataLookup {

  static final String REASON = "no-lookup-adapter";

  private final InteractionId interaction;
  private final TenantAccess tenant;

  NoDataLookups(InteractionId interaction, TenantAccess tenant) {
    this.interaction = interaction;
    this.tenant = tenant;
  }

  @Override
  public void lookup(String url, Duration timeout) {
    tenant.tell(
        tenant -> {
          FlowRun run = tenant.virtualAssistantOf(interaction);
          if (run != null) {
            run.onLookupFailed(REASON);
          }
        });
  }
}
