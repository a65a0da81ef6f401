package io.tandem.graph.presence;

import io.tandem.core.presence.Availability;

/**
 * A Teams user's presence as Graph reports it: availability (the core's {@link Availability}, which
 * routing reads) and activity. Immutable.
 */
public record TeamsPresence(Availability availability, Activity activity) {

  /** What Graph reports for a user without Teams presence, and what unknown values become. */
  public static final TeamsPresence UNKNOWN =
      new TeamsPresence(Availability.PRESENCE_UNKNOWN, Activity.PRESENCE_UNKNOWN);

  /** Parses Graph's spellings; unknown values become {@code PresenceUnknown}, never an error. */
  public static TeamsPresence fromGraph(String availability, String activity) {
    return new TeamsPresence(Availability.fromGraph(availability), Activity.fromGraph(activity));
  }

  /** {@code Busy/InACall}, as Graph spells the pair. */
  @Override
  public String toString() {
    return availability.graphName() + "/" + activity.graphName();
  }
}
