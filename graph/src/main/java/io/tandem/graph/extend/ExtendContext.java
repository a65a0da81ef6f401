package io.tandem.graph.extend;

import io.tandem.core.tenant.SerialLane;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.time.Scheduler;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.graph.calls.GraphCallsApi;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** What every caller call of one bot shares; {@code voicemail} is absent when none is kept. */
record ExtendContext(
    ExtendSettings settings,
    GraphCallsApi graph,
    TenantAccess tenant,
    PromptLocator prompts,
    Registry registry,
    Executor executor,
    Scheduler scheduler,
    Clock clock,
    @Nullable VoicemailIntake voicemail) {

  private static final System.Logger LOG = System.getLogger(ExtendContext.class.getName());

  /** Runs {@code command} on the tenant's writer; a refusal is logged with {@code about}. */
  void tell(java.util.function.Consumer<io.tandem.core.tenant.Tenant> command, String about) {
    tenant
        .tell(command)
        .whenComplete(
            (done, failed) -> {
              if (failed != null) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "tenant refused a command for " + about + ": " + failed.getMessage());
              }
            });
  }

  SerialLane newLane() {
    return new SerialLane(executor, scheduler, clock);
  }
}
