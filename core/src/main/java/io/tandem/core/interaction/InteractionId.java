package io.tandem.core.interaction;

import io.tandem.core.Ids;

/** Identifies an interaction: one customer contact (a call, a callback) from arrival to its end. */
public record InteractionId(String value) {
  public InteractionId {
    Ids.requireValid("interaction id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
