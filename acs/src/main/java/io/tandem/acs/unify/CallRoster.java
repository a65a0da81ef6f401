package io.tandem.acs.unify;

import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.Participant;
import java.util.List;

/**
 * Who is in the call besides the application, from {@code ParticipantsUpdated}: an update older
 * than the last one applied (callbacks can arrive out of order) is ignored.
 */
final class CallRoster {

  private long sequence = Long.MIN_VALUE;
  private List<Participant> participants = List.of();

  /** Applies {@code update}; false if it is older than what is known. */
  boolean apply(CallEvent.ParticipantsUpdated update) {
    if (update.sequenceNumber() <= sequence) {
      return false;
    }
    sequence = update.sequenceNumber();
    participants = update.participants();
    return true;
  }

  boolean contains(String rawId) {
    return participants.stream().anyMatch(participant -> participant.rawId().equals(rawId));
  }
}
