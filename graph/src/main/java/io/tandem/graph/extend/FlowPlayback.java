package io.tandem.graph.extend;

import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.KeyedAnswer;
import io.tandem.core.flow.Prompt;
import io.tandem.core.tenant.SerialLane;
import io.tandem.core.time.Timer;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The virtual assistant's media on one Graph call: prompts through {@code playPrompt}, input from
 * tone notifications (keys pressed during an earlier prompt count, up to {@value #TYPE_AHEAD}),
 * barge-in with {@code cancelMediaProcessing}. The input timeout starts when the prompt ends.
 * Confined to the call's lane; outcomes reach the flow run through {@code report}.
 */
final class FlowPlayback {

  static final int TYPE_AHEAD = 16;
  private static final System.Logger LOG = System.getLogger(FlowPlayback.class.getName());

  private final String callId;
  private final GraphCallsApi graph;
  private final PromptLocator prompts;
  private final SerialLane lane;
  private final Consumer<Consumer<FlowRun>> report;
  private final ArrayDeque<String> typeAhead = new ArrayDeque<>();
  private int sequence;
  private @Nullable String playing;
  private @Nullable KeyedAnswer collector;
  private @Nullable InputRequest request;
  private Timer inputTimeout = Timer.NONE;

  FlowPlayback(
      String callId,
      GraphCallsApi graph,
      PromptLocator prompts,
      SerialLane lane,
      Consumer<Consumer<FlowRun>> report) {
    this.callId = callId;
    this.graph = graph;
    this.prompts = prompts;
    this.lane = lane;
    this.report = report;
  }

  void play(Prompt prompt) {
    clear();
    if (!start(prompt, "flow-play-")) {
      report.accept(FlowRun::onPlayCompleted);
    }
  }

  void collect(InputRequest input) {
    clear();
    request = input;
    collector = new KeyedAnswer(input);
    while (!typeAhead.isEmpty() && collector != null) {
      tone(typeAhead.poll());
    }
    if (collector != null && !start(input.prompt(), "flow-collect-")) {
      startTimeout();
    }
  }

  /** The caller hung up or the flow is over: nothing more is reported. */
  void stop() {
    clear();
    typeAhead.clear();
  }

  void tone(String tone) {
    KeyedAnswer listening = collector;
    if (listening == null) {
      if (typeAhead.size() < TYPE_AHEAD) {
        typeAhead.add(tone);
      }
      return;
    }
    String answer = listening.accept(tone);
    if (answer != null) {
      bargeIn();
      clear();
      report.accept(run -> run.onInput(answer));
    }
  }

  /** Handles a completed operation if it is one of this playback's prompts. */
  boolean completed(CommsOperation operation) {
    String context = operation.clientContext();
    if (context == null || !context.startsWith("flow-")) {
      return false;
    }
    if (!context.equals(playing)) {
      return true;
    }
    playing = null;
    if (operation.status() == CommsOperation.Status.FAILED) {
      LOG.log(System.Logger.Level.WARNING, "prompt failed on call {0}: {1}", callId, operation);
    }
    if (collector != null) {
      startTimeout();
    } else {
      report.accept(FlowRun::onPlayCompleted);
    }
    return true;
  }

  private boolean start(Prompt prompt, String kind) {
    String context = kind + (++sequence);
    try {
      graph.playPrompt(callId, List.of(prompts.uriOf(prompt, null)), context);
      playing = context;
      return true;
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "playPrompt refused on call " + callId, failed);
      return false;
    }
  }

  private void startTimeout() {
    InputRequest waiting = request;
    if (waiting == null) {
      return;
    }
    inputTimeout =
        lane.after(
            waiting.timeout(),
            () -> {
              KeyedAnswer listening = collector;
              if (listening == null) {
                return;
              }
              String partial = listening.timedOut();
              clear();
              report.accept(
                  partial == null ? FlowRun::onInputTimeout : run -> run.onInput(partial));
            });
  }

  private void bargeIn() {
    if (playing == null) {
      return;
    }
    try {
      graph.cancelMediaProcessing(callId, "flow-barge-in");
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "barge-in cancel refused on call " + callId, failed);
    }
  }

  private void clear() {
    inputTimeout.cancel();
    inputTimeout = Timer.NONE;
    collector = null;
    request = null;
    playing = null;
  }
}
