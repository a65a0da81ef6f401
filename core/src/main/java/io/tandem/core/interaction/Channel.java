package io.tandem.core.interaction;

/** The kind of contact an interaction is; agents have a capacity per channel. */
public enum Channel {
  /** A phone or Teams call with the customer on the line. */
  VOICE,
  /** A call back to a customer who left the queue keeping their place. */
  CALLBACK
}
