package io.tandem.core.flow;

import io.tandem.core.event.TenantEvent;
import java.time.Instant;

/** Events about a tenant's virtual-assistant flow definitions. */
public sealed interface FlowEvent extends TenantEvent {

  /** The id of the flow the event is about. */
  String flowId();

  /** A flow, valid against the tenant's catalogue when defined, was added or replaced. */
  record Defined(Flow flow, Instant at) implements FlowEvent {
    @Override
    public String flowId() {
      return flow.id();
    }
  }

  /** A flow was removed. */
  record Removed(String flowId, Instant at) implements FlowEvent {}
}
