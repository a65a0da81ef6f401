package io.tandem.core.interaction;

import io.tandem.core.Ids;

/** Identifies a reservation: one offer of an interaction to one agent, with a deadline. */
public record ReservationId(String value) {
  public ReservationId {
    Ids.requireValid("reservation id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
