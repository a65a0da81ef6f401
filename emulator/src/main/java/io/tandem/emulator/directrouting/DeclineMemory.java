package io.tandem.emulator.directrouting;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers calls a Teams user declined (603) for a minute, so that an SBC that retries the same
 * caller to the same user (for instance through sip2/sip3) is journalled as a {@code
 * sip.violation}: Microsoft says a 603 must not be retried, or the user sees several missed calls.
 */
final class DeclineMemory {

  static final Duration WINDOW = Duration.ofSeconds(60);

  private final Scheduler clock;
  private final Journal journal;
  private final Map<String, Instant> declined = new ConcurrentHashMap<>();

  DeclineMemory(Scheduler clock, Journal journal) {
    this.clock = clock;
    this.journal = journal;
  }

  void declined(String caller, String userId) {
    declined.put(caller + "→" + userId, clock.now());
  }

  /** Journals a violation when this caller → user call was declined within the window. */
  void checkRetry(String callId, String caller, String userId) {
    Instant when = declined.get(caller + "→" + userId);
    if (when != null && !when.plus(WINDOW).isBefore(clock.now())) {
      journal.event(
          Channel.SIP,
          "sip.violation",
          callId,
          Map.of(
              "rule",
              "603-not-retried",
              "text",
              "the SBC retried a call that Teams user "
                  + userId
                  + " declined with 603 (caller "
                  + caller
                  + "): 603 Decline must not be retried"));
    }
  }
}
