package io.tandem.graph.presence;

import java.util.Locale;

/**
 * What a Teams user is doing, as Graph's {@code presence.activity} reports it (MICROSOFT-CONTRACTS
 * §2.5). Values Graph adds later arrive as {@link #PRESENCE_UNKNOWN}.
 */
public enum Activity {
  AVAILABLE("Available"),
  AWAY("Away"),
  BE_RIGHT_BACK("BeRightBack"),
  BUSY("Busy"),
  DO_NOT_DISTURB("DoNotDisturb"),
  IN_A_CALL("InACall"),
  IN_A_CONFERENCE_CALL("InAConferenceCall"),
  INACTIVE("Inactive"),
  IN_A_MEETING("InAMeeting"),
  OFFLINE("Offline"),
  OFF_WORK("OffWork"),
  OUT_OF_OFFICE("OutOfOffice"),
  PRESENCE_UNKNOWN("PresenceUnknown"),
  PRESENTING("Presenting"),
  URGENT_INTERRUPTIONS_ONLY("UrgentInterruptionsOnly");

  private final String graphName;

  Activity(String graphName) {
    this.graphName = graphName;
  }

  /** The value as Graph spells it, e.g. {@code InACall}. */
  public String graphName() {
    return graphName;
  }

  /** Parses Graph's spelling (case-insensitive); anything else is {@link #PRESENCE_UNKNOWN}. */
  public static Activity fromGraph(String value) {
    String wanted = value.toLowerCase(Locale.ROOT);
    for (Activity activity : values()) {
      if (activity.graphName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return activity;
      }
    }
    return PRESENCE_UNKNOWN;
  }
}
