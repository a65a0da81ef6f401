package io.tandem.emulator.world;

/** Told when a scenario changes the world while the emulator runs. */
public interface WorldListener {

  /** A Teams user's record (for instance their client behaviour) changed. */
  void userChanged(TeamsUser user);
}
