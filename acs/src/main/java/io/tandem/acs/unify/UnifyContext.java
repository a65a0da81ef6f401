package io.tandem.acs.unify;

import io.tandem.acs.client.CallAutomationClient;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.time.Scheduler;
import io.tandem.core.voicemail.VoicemailIntake;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What every caller connection of one application shares; {@code voicemail} absent when none is
 * kept.
 */
record UnifyContext(
    UnifySettings settings,
    CallAutomationClient acs,
    TenantAccess tenant,
    PromptSources prompts,
    Registry registry,
    LiveTranscripts transcripts,
    Executor executor,
    Scheduler scheduler,
    Clock clock,
    @Nullable VoicemailIntake voicemail) {

  private static final System.Logger LOG = System.getLogger(UnifyContext.class.getName());

  /** Runs {@code command} on the tenant's writer; a refusal is logged with {@code about}. */
  void tell(Consumer<Tenant> command, String about) {
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
