package io.tandem.core.interaction;

/** Who ended a connected call. */
public enum DisconnectedBy {
  CUSTOMER,
  AGENT,
  SYSTEM
}
