package io.tandem.graph.presence;

/**
 * What Tandem's own presence session for a Teams user (Graph {@code setPresence} with the app's id
 * as {@code sessionId}, MICROSOFT-CONTRACTS §2.5) should show: {@link #IN_A_CALL} while Tandem has
 * the user on a customer call, {@link #CLEARED} (no session: Teams shows the user's own presence)
 * otherwise.
 */
public enum SessionPresence {
  /** {@code Busy/InACall}, one of the pairs Graph allows an app session. */
  IN_A_CALL("Busy", "InACall"),
  /** No app session ({@code clearPresence}). */
  CLEARED("", "");

  private final String availability;
  private final String activity;

  SessionPresence(String availability, String activity) {
    this.availability = availability;
    this.activity = activity;
  }

  /** Graph's {@code availability} for {@code setPresence}; empty for {@link #CLEARED}. */
  public String availability() {
    return availability;
  }

  /** Graph's {@code activity} for {@code setPresence}; empty for {@link #CLEARED}. */
  public String activity() {
    return activity;
  }
}
