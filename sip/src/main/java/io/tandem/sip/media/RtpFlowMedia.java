package io.tandem.sip.media;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.KeyedAnswer;
import io.tandem.core.flow.Prompt;
import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import io.tandem.media.clock.Pacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.session.RtpSession;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The virtual assistant's media on a caller's RTP leg: prompts played into the leg's session,
 * digits heard from it (RFC 4733, or in band as a fallback).
 *
 * <p>States: {@code IDLE} (keys pressed are kept, up to {@value #TYPE_AHEAD}, for the next
 * collect), {@code PLAYING} a plain prompt (keys kept too; its end reports {@code
 * onPlayCompleted}), {@code PROMPTING} a collect's prompt (a key stops it: barge-in), {@code
 * LISTENING} after it (the request's timeout runs from the prompt's end or the first key; it
 * reports the digits keyed if there are enough, else {@code onInputTimeout}), and {@code CLOSED}. A
 * complete answer reports {@code onInput} and returns to {@code IDLE}. {@link #stop()} returns to
 * {@code IDLE}, forgets the kept keys and reports nothing. Keys collect as in the Extend adapter: a
 * choice takes the first key, digits end at the maximum or the terminator (left out).
 *
 * <p>Prompts are loaded and played by a {@link PromptPlayback}: one that cannot be loaded ({@link
 * PromptUnavailableException}) is logged and counts as played to its end, so a missing prompt never
 * leaves the caller waiting. Threading: see the package.
 */
public final class RtpFlowMedia implements FlowMedia, AutoCloseable {

  /** The most keys kept between collects. */
  public static final int TYPE_AHEAD = 16;

  /** Where the media is; see the class comment. */
  public enum State {
    IDLE,
    PLAYING,
    PROMPTING,
    LISTENING,
    CLOSED
  }

  private final PromptPlayback playback;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Consumer<Consumer<FlowRun>> report;
  private final LegKeys keys;
  private final Object lock = new Object();
  private final ArrayDeque<String> typeAhead = new ArrayDeque<>();
  private State state = State.IDLE;
  private long generation;
  private @Nullable KeyedAnswer collector;
  private Timer timeout = Timer.NONE;

  /**
   * Media on {@code leg}, listening to its RFC 4733 digits from now on.
   *
   * @param language the interaction's language for text prompts without one; null for the default
   * @param loader runs prompt loading (file reads, text-to-speech), e.g. virtual threads
   * @param scheduler the tenant's timers (input timeouts)
   * @param clock the time the timeouts are counted from
   * @param report runs a flow-run call on the tenant's writer
   */
  public RtpFlowMedia(
      RtpSession leg,
      PromptAudio prompts,
      @Nullable String language,
      Executor loader,
      Scheduler scheduler,
      Clock clock,
      Consumer<Consumer<FlowRun>> report) {
    this.playback = new PromptPlayback(leg, prompts, language, loader, scheduler, clock);
    this.scheduler = scheduler;
    this.clock = clock;
    this.report = report;
    this.keys = new LegKeys(leg, this::key);
  }

  /**
   * Also detects DTMF tones in the caller's audio, for a leg that negotiated no telephone-event
   * (with both, a key could count twice). Returns this.
   */
  public RtpFlowMedia detectInbandTones(Pacer pacer) {
    synchronized (lock) {
      if (state != State.CLOSED) {
        keys.detectInband(pacer);
      }
    }
    return this;
  }

  @Override
  public void play(Prompt prompt) {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      long attempt = begin(State.PLAYING);
      playback.play(prompt, () -> promptEnded(attempt));
    }
  }

  @Override
  public void collect(InputRequest request) {
    long attempt;
    boolean keyedAhead = false;
    @Nullable String answer = null;
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      attempt = begin(State.PROMPTING);
      KeyedAnswer listening = new KeyedAnswer(request);
      collector = listening;
      while (!typeAhead.isEmpty() && answer == null) {
        keyedAhead = true;
        answer = listening.accept(typeAhead.poll());
      }
      if (answer != null) {
        idle();
      } else if (keyedAhead) {
        listen(attempt);
      } else {
        playback.play(request.prompt(), () -> promptEnded(attempt));
      }
    }
    if (answer != null) {
      String input = answer;
      scheduler.schedule(clock.instant(), () -> report(attempt, run -> run.onInput(input)));
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      begin(state == State.CLOSED ? State.CLOSED : State.IDLE);
      typeAhead.clear();
    }
  }

  /** Stops, and stops listening to the leg. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      begin(State.CLOSED);
      typeAhead.clear();
    }
    keys.close();
  }

  /** Where the media is now. */
  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  private void key(DtmfDigit digit) {
    String key = String.valueOf(digit.symbol());
    long attempt;
    @Nullable String answer;
    synchronized (lock) {
      KeyedAnswer listening = collector;
      if (state == State.IDLE || state == State.PLAYING) {
        if (typeAhead.size() < TYPE_AHEAD) {
          typeAhead.add(key);
        }
        return;
      }
      if (listening == null || state == State.CLOSED) {
        return;
      }
      attempt = generation;
      answer = listening.accept(key);
      if (answer != null) {
        idle();
      } else if (state == State.PROMPTING) {
        playback.stop();
        listen(attempt);
      }
    }
    if (answer != null) {
      String input = answer;
      report(attempt, run -> run.onInput(input));
    }
  }

  private void promptEnded(long attempt) {
    boolean completed = false;
    synchronized (lock) {
      if (attempt != generation) {
        return;
      }
      if (state == State.PLAYING) {
        idle();
        completed = true;
      } else if (state == State.PROMPTING) {
        listen(attempt);
      }
    }
    if (completed) {
      report(attempt, FlowRun::onPlayCompleted);
    }
  }

  private void timedOut(long attempt) {
    @Nullable String partial;
    synchronized (lock) {
      KeyedAnswer listening = collector;
      if (attempt != generation || state != State.LISTENING || listening == null) {
        return;
      }
      partial = listening.timedOut();
      idle();
    }
    report(attempt, partial == null ? FlowRun::onInputTimeout : run -> run.onInput(partial));
  }

  /** Reports {@code outcome} unless another play, collect or stop came first. */
  private void report(long attempt, Consumer<FlowRun> outcome) {
    report.accept(
        run -> {
          boolean current;
          synchronized (lock) {
            current = attempt == generation && state != State.CLOSED;
          }
          if (current) {
            outcome.accept(run);
          }
        });
  }

  /** Ends whatever was going on and enters {@code next}; returns the new attempt's number. */
  private long begin(State next) {
    playback.stop();
    timeout.cancel();
    timeout = Timer.NONE;
    collector = null;
    state = next;
    return ++generation;
  }

  private void idle() {
    playback.stop();
    timeout.cancel();
    timeout = Timer.NONE;
    collector = null;
    state = State.IDLE;
  }

  private void listen(long attempt) {
    KeyedAnswer listening = collector;
    if (listening == null) {
      return;
    }
    state = State.LISTENING;
    timeout =
        scheduler.schedule(
            clock.instant().plus(listening.request().timeout()), () -> timedOut(attempt));
  }
}
