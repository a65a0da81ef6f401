package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plays a PSTN caller's script on an answered call: each digit string is pressed key by key, {@link
 * #KEY_GAP} apart, starting at its time after the answer; each sentence is said at its time. The
 * caller hangs up when {@code patience} (counted from dialling) runs out before a person joins the
 * call, or {@code talkFor} after a person joined.
 */
final class ScriptedCaller {

  /** The time between two keys of one scripted digit string. */
  static final Duration KEY_GAP = Duration.ofMillis(250);

  private final AcsCall call;
  private final CallerScript script;
  private final Instant dialledAt;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Consumer<AcsCall> hangUp;
  private Scheduler.Timer patience = () -> false;
  private boolean reachedPerson;

  ScriptedCaller(
      AcsCall call,
      CallerScript script,
      Instant dialledAt,
      Journal journal,
      Consumer<AcsCall> hangUp) {
    this.call = call;
    this.script = script;
    this.dialledAt = dialledAt;
    this.scheduler = call.scheduler();
    this.journal = journal;
    this.hangUp = hangUp;
  }

  /** The application answered: the script starts. */
  void answered() {
    for (CallerScript.TimedDigits step : script.digits()) {
      String digits = step.digits();
      for (int i = 0; i < digits.length(); i++) {
        String tone = Tones.name(digits.charAt(i));
        call.later(
            step.after().plus(KEY_GAP.multipliedBy(i)),
            () -> {
              journal.event(Channel.WORLD, "caller.pressed", call.id(), Map.of("tone", tone));
              call.callerPressed(tone);
            });
      }
    }
    for (CallerScript.TimedUtterance utterance : script.utterances()) {
      call.later(
          utterance.after(),
          () -> {
            journal.event(
                Channel.WORLD, "caller.said", call.id(), Map.of("text", utterance.text()));
            call.callerSaid(utterance.text());
          });
    }
    if (script.patience() != null) {
      Duration left = script.patience().minus(Duration.between(dialledAt, scheduler.now()));
      patience =
          call.later(
              left.isNegative() ? Duration.ZERO : left, () -> giveUp("caller.patienceExhausted"));
    }
  }

  /** A person (agent, transfer target) joined: patience stops, the talk time starts. */
  synchronized void reachedPerson() {
    if (reachedPerson) {
      return;
    }
    reachedPerson = true;
    patience.cancel();
    if (script.talkFor() != null) {
      scheduler.schedule(script.talkFor(), () -> giveUp("caller.hungUp"));
    }
  }

  private void giveUp(String kind) {
    journal.event(Channel.WORLD, kind, call.id(), Map.of("from", script.from()));
    hangUp.accept(call);
  }

  String rawId() {
    return "4:" + script.from();
  }
}
