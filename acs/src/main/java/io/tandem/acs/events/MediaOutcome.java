package io.tandem.acs.events;

/** The stages a play reports. */
public enum MediaOutcome {
  STARTED,
  COMPLETED,
  FAILED,
  CANCELED
}
