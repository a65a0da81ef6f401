package io.tandem.core.flow;

import io.tandem.core.flow.internal.E164;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One interaction's way through a {@link ValidatedFlow}: a state machine that steps through nodes
 * until one waits (for a prompt, the caller or a lookup), and continues when the awaited result
 * arrives.
 *
 * <p>The run never blocks. It asks its ports to play, listen or look up, which return at once, and
 * the results come back later through the {@code on…} methods, all on the tenant's mailbox thread.
 * Which result may arrive in which {@link FlowRunState} is the table there. What the flow decides
 * goes to {@link FlowDecisions}; the run keeps only its own copy of the interaction's attributes,
 * for placeholders.
 *
 * <p>A caller-input node that gets wrong input or none plays its invalid or timeout prompt and asks
 * again, up to its {@code maxRetries}; the next failure takes its {@code noInput} exit. As a guard
 * against runaway execution, a run that enters more than {@link #STEP_LIMIT} nodes without asking
 * the caller for input hangs up with reason {@link #STEP_LIMIT_REASON}, although validation already
 * rejects loops without input.
 */
public final class FlowRun {

  /** The attribute holding the caller's number, E.164 when known. */
  public static final String CALLER_ATTRIBUTE = "caller";

  /** The attribute holding the number the caller dialed. */
  public static final String DIALED_ATTRIBUTE = "dialed";

  /** The most nodes a run enters between two requests for caller input. */
  public static final int STEP_LIMIT = 1000;

  /** The reason the run hangs up with when it exceeds {@link #STEP_LIMIT}. */
  public static final String STEP_LIMIT_REASON = "flow-step-limit";

  private final ValidatedFlow flow;
  private final FlowMedia media;
  private final DataLookup lookup;
  private final FlowDecisions decisions;
  private final Clock clock;
  private final InteractionAttributes attributes;
  private FlowRunState state = FlowRunState.READY;
  private String currentNode;
  private int failedAttempts;
  private int stepsSinceInputRequest;

  /**
   * A run, not yet started, of {@code flow} for one interaction.
   *
   * @param attributes the interaction's attributes so far, such as {@link #CALLER_ATTRIBUTE}
   * @param clock the time {@link CheckHours} nodes decide by
   */
  public FlowRun(
      ValidatedFlow flow,
      Map<String, String> attributes,
      FlowMedia media,
      DataLookup lookup,
      FlowDecisions decisions,
      Clock clock) {
    this.flow = flow;
    this.attributes = new InteractionAttributes(attributes);
    this.media = media;
    this.lookup = lookup;
    this.decisions = decisions;
    this.clock = clock;
    this.currentNode = flow.start();
  }

  /** Enters the start node. */
  public void start() {
    if (accept(FlowSignal.START)) {
      runFrom(flow.start());
    }
  }

  /** The prompt the run waited for has been played to its end. */
  public void onPlayCompleted() {
    if (!accept(FlowSignal.PLAY_COMPLETED)) {
      return;
    }
    switch (flow.node(currentNode)) {
      case Play play -> runFrom(play.next());
      case Voicemail voicemail -> end(() -> decisions.voicemail(voicemail.mailbox()));
      case HangUp hangUp -> end(() -> decisions.hungUp(hangUp.reason()));
      case CallerInputNode retried -> askForInput();
      default -> throw notAt("the end of a prompt");
    }
  }

  /** The caller pressed keys or said a phrase, as the media engine reports it. */
  public void onInput(String digitsOrPhrase) {
    if (!accept(FlowSignal.INPUT)) {
      return;
    }
    switch (flow.node(currentNode)) {
      case Menu menu -> {
        String target = menu.targetOf(digitsOrPhrase);
        if (target == null) {
          retry(menu.invalidPrompt(), menu.maxRetries(), menu.noInput());
        } else {
          runFrom(target);
        }
      }
      case CollectDigits collect -> {
        String digits = collect.acceptedDigits(digitsOrPhrase, flow.pattern(currentNode));
        if (digits == null) {
          retry(collect.invalidPrompt(), collect.maxRetries(), collect.noInput());
        } else {
          setAttributes(Map.of(collect.attribute(), digits));
          runFrom(collect.next());
        }
      }
      case OfferCallback offer -> {
        String number = attributes.get(offer.numberAttributeOrCaller());
        if (number != null && offer.isAcceptedBy(digitsOrPhrase)) {
          decisions.callbackRequested(number);
          runFrom(offer.accepted());
        } else {
          runFrom(offer.declined());
        }
      }
      default -> throw notAt("caller input");
    }
  }

  /** The caller gave no input before the request's timeout. */
  public void onInputTimeout() {
    if (!accept(FlowSignal.INPUT_TIMEOUT)) {
      return;
    }
    switch (flow.node(currentNode)) {
      case Menu menu -> retry(menu.timeoutPrompt(), menu.maxRetries(), menu.noInput());
      case CollectDigits collect ->
          retry(collect.timeoutPrompt(), collect.maxRetries(), collect.noInput());
      case OfferCallback offer -> runFrom(offer.declined());
      default -> throw notAt("an input timeout");
    }
  }

  /** The lookup answered; {@code fields} are the fields of its answer by name. */
  public void onLookupResult(Map<String, String> fields) {
    if (accept(FlowSignal.LOOKUP_RESULT)) {
      HttpLookup http = currentLookup();
      setAttributes(http.attributesFrom(fields));
      runFrom(http.next());
    }
  }

  /** The lookup failed or timed out, for {@code reason}. */
  public void onLookupFailed(String reason) {
    if (accept(FlowSignal.LOOKUP_FAILED)) {
      runFrom(currentLookup().failed());
    }
  }

  /** The caller hung up: the run ends without deciding anything more. */
  public void onCallerHungUp() {
    FlowRunState before = state;
    if (accept(FlowSignal.CALLER_HUNG_UP)) {
      state = FlowRunState.FINISHED;
      if (before == FlowRunState.AWAITING_PLAY || before == FlowRunState.AWAITING_INPUT) {
        media.stop();
      }
    }
  }

  /** Where the run is. */
  public FlowRunState state() {
    return state;
  }

  /** The node the run is at: its start node before it starts, its last node once finished. */
  public String currentNode() {
    return currentNode;
  }

  /** The interaction's attributes as the run knows them: those it started with and those it set. */
  public Map<String, String> attributes() {
    return attributes.snapshot();
  }

  /** Whether to handle {@code signal} now; throws when it cannot arrive in this state. */
  private boolean accept(FlowSignal signal) {
    return switch (state.reactionTo(signal)) {
      case HANDLE -> {
        state = FlowRunState.RUNNING;
        yield true;
      }
      case IGNORE -> false;
      case REJECT ->
          throw new IllegalStateException(
              "flow run of '%s' at node '%s' is %s and cannot take %s"
                  .formatted(flow.id(), currentNode, state, signal));
    };
  }

  /** Steps from {@code nodeId} through nodes that pass straight on, until one waits or ends. */
  private void runFrom(String nodeId) {
    String next = nodeId;
    while (next != null) {
      if (stepsSinceInputRequest >= STEP_LIMIT) {
        end(() -> decisions.hungUp(STEP_LIMIT_REASON));
        return;
      }
      stepsSinceInputRequest++;
      currentNode = next;
      next = enter(flow.node(next));
    }
  }

  /** Carries out {@code node}: the node to continue with at once, or null when it waits or ends. */
  private @Nullable String enter(FlowNode node) {
    return switch (node) {
      case Play play -> play(play.prompt());
      case OfferCallback offer
          when !E164.isValid(attributes.get(offer.numberAttributeOrCaller())) ->
          offer.declined();
      case CallerInputNode input -> firstAttempt();
      case CheckHours check ->
          check.exitFor(flow.businessHours(check.businessHours()).statusAt(clock.instant()));
      case SetAttributes set -> {
        apply(set);
        yield set.next();
      }
      case HttpLookup http -> {
        state = FlowRunState.AWAITING_LOOKUP;
        lookup.lookup(attributes.resolvedUrl(http.url()), http.timeout());
        yield null;
      }
      case RouteToQueue route ->
          end(() -> decisions.routeToQueue(route.queue(), route.optionalPriority()));
      case TransferToNumber transfer -> end(() -> decisions.transferToNumber(transfer.number()));
      case Voicemail voicemail ->
          voicemail.greeting() == null
              ? end(() -> decisions.voicemail(voicemail.mailbox()))
              : play(voicemail.greeting());
      case HangUp hangUp ->
          hangUp.goodbye() == null
              ? end(() -> decisions.hungUp(hangUp.reason()))
              : play(hangUp.goodbye());
    };
  }

  private @Nullable String play(Prompt prompt) {
    state = FlowRunState.AWAITING_PLAY;
    media.play(attributes.resolved(prompt));
    return null;
  }

  private @Nullable String firstAttempt() {
    failedAttempts = 0;
    askForInput();
    return null;
  }

  private void askForInput() {
    if (!(flow.node(currentNode) instanceof CallerInputNode node)) {
      throw notAt("a request for input");
    }
    stepsSinceInputRequest = 0;
    state = FlowRunState.AWAITING_INPUT;
    media.collect(node.inputRequest(attributes.resolved(node.prompt())));
  }

  /**
   * After wrong or no input: plays {@code prompt} and asks again, or gives up to {@code noInput}.
   */
  private void retry(@Nullable Prompt prompt, int maxRetries, String noInput) {
    failedAttempts++;
    if (failedAttempts > maxRetries) {
      runFrom(noInput);
    } else if (prompt == null) {
      askForInput();
    } else {
      play(prompt);
    }
  }

  /** Sets what {@code set} says; placeholders in its values read the attributes from before it. */
  private void apply(SetAttributes set) {
    Map<String, String> resolved = new LinkedHashMap<>();
    set.attributes().forEach((name, value) -> resolved.put(name, attributes.resolved(value)));
    setAttributes(resolved);
    if (set.priority() != null) {
      decisions.priorityChanged(set.priority());
    }
    if (set.skills() != null) {
      decisions.skillsChanged(flow.skills(currentNode));
    }
    if (set.language() != null) {
      attributes.language(set.language());
      decisions.languageChanged(set.language());
    }
  }

  private void setAttributes(Map<String, String> changed) {
    if (!changed.isEmpty()) {
      attributes.putAll(changed);
      decisions.attributesChanged(OrderedMaps.copyOf(changed));
    }
  }

  /** Finishes the run, then tells the domain how it ended. */
  private @Nullable String end(Runnable decision) {
    state = FlowRunState.FINISHED;
    decision.run();
    return null;
  }

  private HttpLookup currentLookup() {
    if (flow.node(currentNode) instanceof HttpLookup http) {
      return http;
    }
    throw notAt("a lookup result");
  }

  private IllegalStateException notAt(String what) {
    return new IllegalStateException(
        "flow '" + flow.id() + "' is at node '" + currentNode + "', which expects no " + what);
  }
}
