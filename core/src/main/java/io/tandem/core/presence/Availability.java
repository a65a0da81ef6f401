package io.tandem.core.presence;

/**
 * A person's availability as Microsoft Teams reports it (Graph {@code presence.availability}).
 *
 * <p>Tandem's own contact-center state (ready, not ready …) is separate; whether an agent may get
 * an offer depends on both, and each queue chooses which availabilities may receive offers.
 */
public enum Availability {
  AVAILABLE("Available"),
  AVAILABLE_IDLE("AvailableIdle"),
  AWAY("Away"),
  BE_RIGHT_BACK("BeRightBack"),
  BUSY("Busy"),
  BUSY_IDLE("BusyIdle"),
  DO_NOT_DISTURB("DoNotDisturb"),
  OFFLINE("Offline"),
  PRESENCE_UNKNOWN("PresenceUnknown");

  private final String graphName;

  Availability(String graphName) {
    this.graphName = graphName;
  }

  /** The value as Graph spells it, e.g. {@code DoNotDisturb}. */
  public String graphName() {
    return graphName;
  }

  /**
   * Parses the Graph spelling (case-insensitive); unknown values become {@link #PRESENCE_UNKNOWN}.
   */
  public static Availability fromGraph(String value) {
    for (Availability availability : values()) {
      if (availability.graphName.equalsIgnoreCase(value)) {
        return availability;
      }
    }
    return PRESENCE_UNKNOWN;
  }
}
