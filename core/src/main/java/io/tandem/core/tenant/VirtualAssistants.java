package io.tandem.core.tenant;

import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.FlowRunState;
import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.routing.Interaction;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The virtual-assistant flows running for a tenant's interactions. A run lives from the moment its
 * interaction enters the flow until the flow decides (queue, transfer, voicemail, hang up) or the
 * caller leaves; the channel reports media and lookup outcomes to {@link #runOf}.
 */
final class VirtualAssistants {

  private final Tenant tenant;
  private final Clock clock;
  private final Map<InteractionId, FlowRun> running = new HashMap<>();

  VirtualAssistants(Tenant tenant, Clock clock) {
    this.tenant = tenant;
    this.clock = clock;
  }

  void start(Interaction interaction, ValidatedFlow flow, FlowMedia media, DataLookup lookup) {
    InteractionId id = interaction.id();
    tenant.emit(new InteractionEvent.VirtualAssistantStarted(id, flow.id(), tenant.now()));
    Map<String, String> attributes = new HashMap<>(interaction.attributes());
    attributes.put(FlowRun.CALLER_ATTRIBUTE, interaction.from());
    attributes.put(FlowRun.DIALED_ATTRIBUTE, interaction.to());
    FlowRun run =
        new FlowRun(
            flow, attributes, media, lookup, new TenantFlowDecisions(tenant, this, id), clock);
    running.put(id, run);
    run.start();
    if (run.state() == FlowRunState.FINISHED) {
      running.remove(id);
    }
  }

  @Nullable FlowRun runOf(InteractionId id) {
    return running.get(id);
  }

  /** The flow made its final decision; the run is done. */
  void finished(InteractionId id) {
    running.remove(id);
  }

  /** The caller left (or the interaction failed) during the flow: stop its media, drop the run. */
  void stop(InteractionId id) {
    FlowRun run = running.remove(id);
    if (run != null) {
      run.onCallerHungUp();
    }
  }

  int runningCount() {
    return running.size();
  }
}
