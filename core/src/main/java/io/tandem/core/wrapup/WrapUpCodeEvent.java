package io.tandem.core.wrapup;

import io.tandem.core.event.TenantEvent;
import java.time.Instant;

/** Events about a tenant's list of wrap-up (disposition) codes. */
public sealed interface WrapUpCodeEvent extends TenantEvent {

  /** The code the event is about. */
  String code();

  /** A code was added to the end of the list, or its label changed (keeping its place). */
  record Defined(WrapUpCode definition, Instant at) implements WrapUpCodeEvent {
    @Override
    public String code() {
      return definition.code();
    }
  }

  /** A code was removed from the list. */
  record Removed(String code, Instant at) implements WrapUpCodeEvent {}
}
