package io.tandem.emulator.journal;

/** Whether the emulator received or sent what an entry records. */
public enum Direction {
  /** A request or message the emulator received. */
  IN,
  /** A request, notification or message the emulator sent. */
  OUT,
  /** Something that happened inside the simulated world (a user answered, presence changed). */
  EVENT
}
