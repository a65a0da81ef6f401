package io.tandem.emulator.graph.calls;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted PSTN caller on a Graph call: presses its digits at their times once the bot answers,
 * hangs up when {@code patience} runs out before a person takes the call, and hangs up {@code
 * talkFor} after a person did. What it does goes to the journal (channel WORLD) and to the call
 * through {@link Events}.
 */
final class PstnCaller implements RemoteParty {

  /** What the caller does to the call. Called on scheduler threads. */
  interface Events {
    void pressed(GraphCall call, char digit);

    void hungUp(GraphCall call);
  }

  private final GraphCall call;
  private final CallerScript script;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Events events;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private boolean withPerson;
  private boolean gone;

  PstnCaller(
      GraphCall call, CallerScript script, Scheduler scheduler, Journal journal, Events events) {
    this.call = call;
    this.script = script;
    this.scheduler = scheduler;
    this.journal = journal;
    this.events = events;
  }

  CallerScript script() {
    return script;
  }

  /** Starts the patience clock; called when the call is dialled. */
  void dialled() {
    if (script.patience() != null) {
      timers.add(scheduler.schedule(script.patience(), this::patienceRanOut));
    }
  }

  @Override
  public void botConnected() {
    for (CallerScript.TimedDigits step : script.digits()) {
      timers.add(
          scheduler.schedule(
              step.after(),
              () -> {
                synchronized (call) {
                  if (gone || withPerson) {
                    return;
                  }
                  journal.event(
                      Channel.WORLD, "caller.dtmf", call.id, Map.of("digits", step.digits()));
                  for (char digit : step.digits().toCharArray()) {
                    events.pressed(call, digit);
                  }
                }
              }));
    }
  }

  @Override
  public void botLeft() {
    if (!withPerson && !gone) {
      gone = true;
      cancelTimers();
      journal.event(Channel.WORLD, "caller.disconnected", call.id, Map.of("from", script.from()));
    }
  }

  @Override
  public void handedToPerson(String personId, Runnable endPersonLeg) {
    withPerson = true;
    cancelTimers();
    journal.event(Channel.WORLD, "caller.connectedToPerson", call.id, Map.of("person", personId));
    if (script.talkFor() != null) {
      timers.add(
          scheduler.schedule(
              script.talkFor(),
              () -> {
                synchronized (call) {
                  if (!gone) {
                    gone = true;
                    journal.event(
                        Channel.WORLD, "caller.hungUp", call.id, Map.of("after", "talkFor"));
                    endPersonLeg.run();
                  }
                }
              }));
    }
  }

  private void patienceRanOut() {
    synchronized (call) {
      if (gone || withPerson) {
        return;
      }
      gone = true;
      cancelTimers();
      journal.event(Channel.WORLD, "caller.hungUp", call.id, Map.of("after", "patience"));
      events.hungUp(call);
    }
  }

  private void cancelTimers() {
    timers.forEach(Scheduler.Timer::cancel);
    timers.clear();
  }
}
