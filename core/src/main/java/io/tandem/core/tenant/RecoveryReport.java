package io.tandem.core.tenant;

import io.tandem.core.interaction.InteractionId;
import java.util.List;

/**
 * What {@link Tenant#recover} did.
 *
 * @param eventsReplayed events of the log applied to rebuild the state
 * @param lostOnRestart interactions whose live media could not survive, ended as {@value
 *     Recovery#LOST_ON_RESTART}
 * @param interactionsKept interactions still live after recovery (callbacks, wrap-ups)
 * @param timersRearmed timers set again from deadlines the state held
 */
public record RecoveryReport(
    int eventsReplayed,
    List<InteractionId> lostOnRestart,
    int interactionsKept,
    int timersRearmed) {
  public RecoveryReport {
    lostOnRestart = List.copyOf(lostOnRestart);
  }
}
