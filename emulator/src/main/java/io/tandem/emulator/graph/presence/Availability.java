package io.tandem.emulator.graph.presence;

/**
 * A presence's base state, spelled as Graph's v1.0 CSDL spells it. {@link #rank()} orders the
 * states when sessions are aggregated: Graph documents DoNotDisturb &gt; Busy &gt; Available &gt;
 * Away; the emulator slots the idle states under their active ones and BeRightBack between
 * Available and Away.
 */
public enum Availability {
  Available(4),
  AvailableIdle(3),
  Away(1),
  BeRightBack(2),
  Busy(6),
  BusyIdle(5),
  DoNotDisturb(7),
  Offline(0),
  PresenceUnknown(0);

  private final int rank;

  Availability(int rank) {
    this.rank = rank;
  }

  /** Higher wins when sessions are aggregated. */
  public int rank() {
    return rank;
  }
}
