package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.KeyedAnswer;
import io.tandem.core.time.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The caller's keys over ACS continuous DTMF recognition, started as soon as the call is connected:
 * keys pressed while no input is awaited (during a prompt, before the first menu) are kept as
 * type-ahead and answer the next DTMF input at once; while an input is awaited they are turned into
 * its answer ({@link KeyedAnswer}) with the input's timeouts kept here. Keys are counted once: by
 * sequence id, and never while a {@code recognize} of spoken choices listens (it reports them
 * itself). Confined to the call's lane.
 */
final class CallerKeys {

  static final String CONTEXT = FlowPrompts.CONTEXT + "keys";
  private static final System.Logger LOG = System.getLogger(CallerKeys.class.getName());
  private static final int TYPE_AHEAD = 32;
  private static final Duration SHORTEST_GAP = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(300);

  /** What becomes of an awaited input. */
  interface Outcome {
    /** The input's first key came while its prompt played and more keys are awaited. */
    void bargedIn();

    /** The input is complete. */
    void answered(String answer);

    /** Nothing (or too little) was keyed in time. */
    void timedOut();
  }

  private final CallerConnection call;
  private final UnifyContext context;
  private final ArrayDeque<String> typeAhead = new ArrayDeque<>();
  private final Set<Long> seen = new HashSet<>();
  private boolean live;
  private boolean choicesListening;
  private @Nullable KeyedAnswer awaited;
  private @Nullable Outcome outcome;
  private Timer timeout = Timer.NONE;
  private boolean promptPlaying;

  CallerKeys(CallerConnection call, UnifyContext context) {
    this.call = call;
    this.context = context;
  }

  /** Starts continuous DTMF recognition on the caller; without it, menus use {@code recognize}. */
  void start() {
    if (live) {
      return;
    }
    try {
      context.acs().startContinuousDtmf(call.connectionId(), call.callerIdentifier(), CONTEXT);
      live = true;
    } catch (AcsException | RuntimeException refused) {
      LOG.log(
          System.Logger.Level.WARNING,
          "continuous DTMF refused on " + call.connectionId() + "; menus use recognize",
          refused);
    }
  }

  /** Whether keys arrive here (continuous DTMF runs). */
  boolean live() {
    return live;
  }

  /** A recognize of spoken choices listens (it reports the keys itself) or stopped listening. */
  void choicesListening(boolean listening) {
    choicesListening = listening;
    if (listening) {
      typeAhead.clear();
    }
  }

  /**
   * Awaits {@code input}: type-ahead keys are applied first. Returns the answer if they complete it
   * (the prompt is then not played), else null; the input's timeout starts at {@link #promptEnded}.
   */
  @Nullable String await(InputRequest input, Outcome whenDone) {
    cancel();
    KeyedAnswer answer = new KeyedAnswer(input);
    while (!typeAhead.isEmpty()) {
      String complete = answer.accept(typeAhead.poll());
      if (complete != null) {
        return complete;
      }
    }
    awaited = answer;
    outcome = whenDone;
    promptPlaying = !answer.started();
    if (!promptPlaying) {
      wait(gap(input));
    }
    return null;
  }

  /** Whether the awaited input already has keys (its prompt is then skipped). */
  boolean started() {
    KeyedAnswer answer = awaited;
    return answer != null && answer.started();
  }

  /** The awaited input's prompt ended (played out, failed or cut by a key): the clock runs. */
  void promptEnded() {
    KeyedAnswer answer = awaited;
    if (answer == null || !promptPlaying) {
      return;
    }
    promptPlaying = false;
    wait(answer.started() ? gap(answer.request()) : answer.request().timeout());
  }

  /** Nothing is awaited any more (the flow moved on or ended); type-ahead is kept. */
  void cancel() {
    timeout.cancel();
    timeout = Timer.NONE;
    awaited = null;
    outcome = null;
    promptPlaying = false;
  }

  /** Handles a tone of continuous DTMF; true if the event was one. */
  boolean handled(CallEvent event) {
    if (!(event instanceof CallEvent.ToneReceived tone)) {
      return false;
    }
    if (!seen.add(tone.sequenceId()) || choicesListening || tone.key().isEmpty()) {
      return true;
    }
    KeyedAnswer answer = awaited;
    Outcome whenDone = outcome;
    if (answer == null || whenDone == null) {
      if (typeAhead.size() < TYPE_AHEAD) {
        typeAhead.add(tone.key());
      }
      return true;
    }
    boolean cutsPrompt = promptPlaying && !answer.started();
    String complete = answer.accept(tone.key());
    if (complete != null) {
      cancel();
      whenDone.answered(complete);
      return true;
    }
    if (cutsPrompt) {
      promptPlaying = false;
      whenDone.bargedIn();
    }
    wait(gap(answer.request()));
    return true;
  }

  private void wait(Duration delay) {
    timeout.cancel();
    KeyedAnswer answer = awaited;
    timeout =
        call.lane()
            .after(
                clamp(delay, Duration.ZERO, LONGEST_WAIT),
                () -> {
                  if (awaited != answer || answer == null) {
                    return;
                  }
                  Outcome whenDone = outcome;
                  cancel();
                  String partial = answer.timedOut();
                  if (whenDone == null) {
                    return;
                  }
                  if (partial == null) {
                    whenDone.timedOut();
                  } else {
                    whenDone.answered(partial);
                  }
                });
  }

  /** How long to wait between keys of an input. */
  private static Duration gap(InputRequest input) {
    return clamp(input.timeout(), SHORTEST_GAP, LONGEST_WAIT);
  }

  private static Duration clamp(Duration value, Duration least, Duration most) {
    return value.compareTo(least) < 0 ? least : value.compareTo(most) > 0 ? most : value;
  }
}
