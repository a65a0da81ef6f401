package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.trunk.TrunkCallState.EndReason;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's script on the emulator's clock. On a carrier trunk nothing tells the caller when a
 * person (rather than an IVR) is on the line, so: {@code patience} counts from dialling to the 2xx
 * (then the INVITE is cancelled), and {@code talkFor} counts from the 2xx (then the caller sends
 * BYE); without {@code talkFor} the caller stays until the contact center hangs up. Digits are
 * pressed key by key, {@code keyGap} apart, from {@code after} past the 2xx; sentences are
 * journalled at their time. Each timer's task is moved onto the call's serial executor.
 */
final class CallerScriptPlayer {

  private final TrunkCall call;
  private final CallerScript script;
  private final TrunkServices services;
  private final Duration keyGap;
  private final List<Scheduler.Timer> timers = new ArrayList<>();

  CallerScriptPlayer(TrunkCall call, CallerScript script, TrunkServices services, Duration keyGap) {
    this.call = call;
    this.script = script;
    this.services = services;
    this.keyGap = keyGap;
  }

  /** The INVITE went out: patience starts. */
  synchronized void dialled() {
    if (script.patience() != null) {
      later(script.patience(), call::giveUp);
    }
  }

  /** The contact center answered: patience stops; digits, sentences and talk time start. */
  synchronized void answered() {
    stop();
    for (CallerScript.TimedDigits step : script.digits()) {
      String digits = step.digits();
      for (int i = 0; i < digits.length(); i++) {
        char symbol = Character.toUpperCase(digits.charAt(i));
        later(step.after().plus(keyGap.multipliedBy(i)), () -> call.press(symbol));
      }
    }
    for (CallerScript.TimedUtterance utterance : script.utterances()) {
      later(utterance.after(), () -> call.say(utterance.text()));
    }
    if (script.talkFor() != null) {
      later(script.talkFor(), () -> call.hangUp(EndReason.CALLER_HUNG_UP));
    }
  }

  /** Cancels every timer not yet run. */
  synchronized void stop() {
    timers.forEach(Scheduler.Timer::cancel);
    timers.clear();
  }

  private void later(Duration delay, Runnable task) {
    timers.add(services.scheduler.schedule(delay, () -> services.onCall(call.id(), task)));
  }
}
