package io.tandem.core.flow;

/**
 * A node that waits for the caller to press or say something: it plays its prompt while the media
 * engine listens, and continues by what the caller chose, or by the lack of it.
 */
public sealed interface CallerInputNode extends FlowNode
    permits Menu, CollectDigits, OfferCallback {

  /** What the caller hears while the engine listens; placeholders not yet resolved. */
  Prompt prompt();

  /** What to ask the media engine to listen for, playing {@code resolvedPrompt}. */
  InputRequest inputRequest(Prompt resolvedPrompt);
}
