package io.tandem.core.tenant;

import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.InteractionId;
import java.time.Duration;

/**
 * The data lookup of a channel that has no lookup adapter yet: every lookup fails with reason
 * {@code no-lookup-adapter}, reported on the tenant's writer, so the flow takes its failure branch.
 */
public final class NoDataLookups implements DataLookup {

  public static final String REASON = "no-lookup-adapter";

  private final InteractionId interaction;
  private final TenantAccess tenant;

  public NoDataLookups(InteractionId interaction, TenantAccess tenant) {
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
