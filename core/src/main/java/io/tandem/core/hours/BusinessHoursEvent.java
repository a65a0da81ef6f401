package io.tandem.core.hours;

import io.tandem.core.event.TenantEvent;
import java.time.Instant;

/** Events about a tenant's named business hours (with their holiday sets). */
public sealed interface BusinessHoursEvent extends TenantEvent {

  /** The name of the business hours the event is about. */
  String name();

  /** Business hours were added, or replaced under the same name. */
  record Defined(BusinessHours hours, Instant at) implements BusinessHoursEvent {
    @Override
    public String name() {
      return hours.name();
    }
  }

  /** Business hours were removed (only while no queue or flow refers to them). */
  record Removed(String name, Instant at) implements BusinessHoursEvent {}
}
