package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.acs.client.Play;
import io.tandem.acs.client.PlaySource;
import io.tandem.acs.client.Recognize;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.MediaOutcome;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.Prompt;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The virtual assistant's media on one call connection: prompts with {@code play}, input with
 * {@code recognize} (DTMF, or choices when a menu offers spoken phrases), barge-in by the service
 * ({@code interruptPrompt}). Every operation carries its own operation context, so the outcome of
 * an operation the flow has moved past is ignored. Confined to the call's lane; outcomes reach the
 * flow run through {@code report}.
 */
final class FlowPrompts {

  static final String CONTEXT = "flow-";
  private static final System.Logger LOG = System.getLogger(FlowPrompts.class.getName());

  private final CallerConnection call;
  private final CallAutomationClient acs;
  private final PromptSources prompts;
  private final Consumer<Consumer<FlowRun>> report;
  private int sequence;
  private @Nullable String current;
  private boolean listening;
  private final CallerKeys keys;

  FlowPrompts(
      CallerConnection call,
      CallAutomationClient acs,
      PromptSources prompts,
      Consumer<Consumer<FlowRun>> report) {
    this.call = call;
    this.acs = acs;
    this.prompts = prompts;
    this.report = report;
    this.keys = new CallerKeys(call, call.context());
  }

  /** The call is connected: the caller's keys are listened to from now on (type-ahead). */
  void listenForKeys() {
    keys.start();
  }

  void play(Prompt prompt) {
    String context = next();
    listening = false;
    keys.cancel();
    keys.choicesListening(false);
    try {
      acs.play(call.connectionId(), new Play(List.of(file(prompt)), null, false, true, context));
      current = context;
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "play refused on " + call.connectionId(), refused);
      current = null;
      report.accept(FlowRun::onPlayCompleted);
    }
  }

  void collect(InputRequest input) {
    String context = next();
    listening = true;
    keys.cancel();
    if (keys.live() && keysOnly(input)) {
      collectKeys(input, context);
      return;
    }
    keys.choicesListening(!keysOnly(input));
    try {
      acs.recognize(call.connectionId(), recognize(input, context));
      current = context;
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "recognize refused on " + call.connectionId(), refused);
      current = null;
      report.accept(FlowRun::onInputTimeout);
    }
  }

  /**
   * Awaits keys from continuous DTMF: type-ahead may answer at once; otherwise the prompt plays
   * (unless keys were already typed) and {@link CallerKeys} times the input.
   */
  private void collectKeys(InputRequest input, String context) {
    String early = keys.await(input, new KeyOutcome(context));
    if (early != null) {
      finish(run -> run.onInput(early));
      return;
    }
    current = context;
    if (keys.started()) {
      return;
    }
    try {
      acs.play(
          call.connectionId(), new Play(List.of(file(input.prompt())), null, false, true, context));
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "prompt refused on " + call.connectionId(), refused);
      keys.promptEnded();
    }
  }

  /** Where the keys of one awaited input go; stale once the flow moved on. */
  private final class KeyOutcome implements CallerKeys.Outcome {
    private final String context;

    KeyOutcome(String context) {
      this.context = context;
    }

    @Override
    public void bargedIn() {
      if (context.equals(current)) {
        cancelMedia();
      }
    }

    @Override
    public void answered(String answer) {
      if (context.equals(current)) {
        finish(run -> run.onInput(answer));
      }
    }

    @Override
    public void timedOut() {
      if (context.equals(current)) {
        finish(FlowRun::onInputTimeout);
      }
    }
  }

  private void cancelMedia() {
    try {
      acs.cancelAllMediaOperations(call.connectionId());
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "cancel refused on " + call.connectionId(), refused);
    }
  }

  /** The flow is over or the caller left: nothing more is reported, the media stops. */
  void stop(boolean callGone) {
    boolean active = current != null;
    current = null;
    keys.cancel();
    keys.choicesListening(false);
    if (active && !callGone) {
      cancelMedia();
    }
  }

  /** Handles a media event if it answers one of this flow's operations. */
  boolean handled(CallEvent event) {
    if (keys.handled(event)) {
      return true;
    }
    String context = event.operationContext();
    if (context == null || !context.startsWith(CONTEXT)) {
      return false;
    }
    if (!context.equals(current)) {
      return true; // an operation the flow has moved past
    }
    switch (event) {
      case CallEvent.PlayUpdate play when play.outcome() != MediaOutcome.STARTED -> {
        if (play.outcome() == MediaOutcome.FAILED) {
          LOG.log(
              System.Logger.Level.WARNING,
              "prompt failed on {0}: {1}",
              call.connectionId(),
              play.base().result());
        }
        if (!listening) {
          finish(FlowRun::onPlayCompleted);
        } else {
          keys.promptEnded();
        }
      }
      case CallEvent.RecognizeCompleted done -> {
        String answer = done.choiceLabel() != null ? done.choiceLabel() : done.keys();
        finish(answer.isEmpty() ? FlowRun::onInputTimeout : run -> run.onInput(answer));
      }
      case CallEvent.RecognizeFailed failed -> finish(FlowRun::onInputTimeout);
      case CallEvent.RecognizeCanceled canceled -> finish(FlowRun::onInputTimeout);
      default -> {
        // PlayStarted, or an event of another kind with a flow context: nothing to report.
      }
    }
    return true;
  }

  private void finish(Consumer<FlowRun> outcome) {
    current = null;
    listening = false;
    keys.cancel();
    keys.choicesListening(false);
    report.accept(outcome);
  }

  private String next() {
    return CONTEXT + (++sequence);
  }

  private PlaySource file(Prompt prompt) {
    return new PlaySource.File(prompts.uriOf(prompt, null), null);
  }

  private Recognize recognize(InputRequest input, String context) {
    return RecognizeRequests.of(input, call.callerIdentifier(), file(input.prompt()), context);
  }

  private static boolean keysOnly(InputRequest input) {
    return RecognizeRequests.keysOnly(input);
  }
}
