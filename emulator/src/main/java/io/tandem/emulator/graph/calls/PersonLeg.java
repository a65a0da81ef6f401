package io.tandem.emulator.graph.calls;

/**
 * A person a bot's call reached: a Teams user who answered, or an external PSTN number. The bot
 * leaving hangs up their leg; a consultative transfer hands the leg to the other call's party.
 *
 * @param personId the Teams user's object id, or the +E164 number
 * @param hangUp ends the person's leg (idempotent)
 */
record PersonLeg(String personId, Runnable hangUp) implements RemoteParty {

  @Override
  public void botLeft() {
    hangUp.run();
  }
}
