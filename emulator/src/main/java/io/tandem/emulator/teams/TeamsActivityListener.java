package io.tandem.emulator.teams;

/** Told when a simulated Teams user's calls start and end, so that presence can follow them. */
public interface TeamsActivityListener {

  /** {@code userId} now has {@code activeCalls} connected calls (0 when the last one ended). */
  void activeCallsChanged(String userId, int activeCalls);
}
