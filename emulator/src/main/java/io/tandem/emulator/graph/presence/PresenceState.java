package io.tandem.emulator.graph.presence;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An availability and activity pair, and the tables of pairs each writer may set: an app's session
 * ({@code setPresence}), the user's preferred presence ({@code setUserPreferredPresence}), and the
 * user's own Teams client (scripted through the control API).
 */
public record PresenceState(Availability availability, Activity activity) {

  public static final PresenceState AVAILABLE =
      new PresenceState(Availability.Available, Activity.Available);
  public static final PresenceState OFFLINE =
      new PresenceState(Availability.Offline, Activity.Offline);
  public static final PresenceState UNKNOWN =
      new PresenceState(Availability.PresenceUnknown, Activity.PresenceUnknown);
  public static final PresenceState IN_A_CALL =
      new PresenceState(Availability.Busy, Activity.InACall);

  /** First fading stage of an Available app session (Graph's "AvailableInactive"). */
  public static final PresenceState AVAILABLE_INACTIVE =
      new PresenceState(Availability.AvailableIdle, Activity.Inactive);

  public static final PresenceState AWAY = new PresenceState(Availability.Away, Activity.Away);

  /** The pairs {@code setPresence} accepts (presence-setpresence.md). */
  public static final Set<PresenceState> APP_SESSION_PAIRS =
      Set.of(
          AVAILABLE,
          IN_A_CALL,
          new PresenceState(Availability.Busy, Activity.InAConferenceCall),
          AWAY);

  /** The pairs {@code setUserPreferredPresence} accepts (presence-setuserpreferredpresence.md). */
  public static final Set<PresenceState> PREFERRED_PAIRS =
      Set.of(
          AVAILABLE,
          new PresenceState(Availability.Busy, Activity.Busy),
          new PresenceState(Availability.DoNotDisturb, Activity.DoNotDisturb),
          new PresenceState(Availability.BeRightBack, Activity.BeRightBack),
          AWAY,
          new PresenceState(Availability.Offline, Activity.OffWork));

  /** The states a scripted Teams client may show, by availability. */
  private static final Map<Availability, Set<Activity>> CLIENT_PAIRS =
      Map.of(
          Availability.Available, Set.of(Activity.Available),
          Availability.AvailableIdle, Set.of(Activity.Inactive),
          Availability.Away, Set.of(Activity.Away, Activity.OutOfOffice),
          Availability.BeRightBack, Set.of(Activity.BeRightBack),
          Availability.Busy,
              Set.of(
                  Activity.Busy, Activity.InAMeeting, Activity.InACall, Activity.InAConferenceCall),
          Availability.BusyIdle, Set.of(Activity.Inactive),
          Availability.DoNotDisturb,
              Set.of(Activity.DoNotDisturb, Activity.Presenting, Activity.UrgentInterruptionsOnly),
          Availability.Offline, Set.of(Activity.Offline, Activity.OffWork, Activity.OutOfOffice));

  /** Whether a scripted Teams client may show this state. */
  public boolean isClientState() {
    return CLIENT_PAIRS.getOrDefault(availability, Set.of()).contains(activity);
  }

  /** Both names parsed exactly as Graph spells them, or empty. */
  public static Optional<PresenceState> parse(String availability, String activity) {
    try {
      return Optional.of(
          new PresenceState(Availability.valueOf(availability), Activity.valueOf(activity)));
    } catch (IllegalArgumentException notAnEnumValue) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return availability + "/" + activity;
  }
}
