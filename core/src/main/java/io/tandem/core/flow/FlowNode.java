package io.tandem.core.flow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link Flow}: a record per kind of step, each naming the nodes it continues with in
 * explicit exit fields.
 *
 * <p>A node either passes straight through to one of its exits ({@link SetAttributes}, {@link
 * CheckHours}), waits for the media engine or a lookup and then continues ({@link Play}, {@link
 * HttpLookup}), waits for the caller ({@link #awaitsCallerInput()}), or ends the flow by handing
 * the interaction to the domain ({@link RouteToQueue}, {@link TransferToNumber}, {@link Voicemail},
 * {@link HangUp}).
 */
public sealed interface FlowNode
    permits Play,
        CallerInputNode,
        CheckHours,
        SetAttributes,
        HttpLookup,
        RouteToQueue,
        TransferToNumber,
        Voicemail,
        HangUp {

  /** The node's exits in the order its fields declare them; empty for nodes that end the flow. */
  List<Exit> exits();

  /**
   * Whether the node waits for the caller to press or say something. Every loop in a runnable flow
   * passes through such a node, so that a flow cannot spin without the caller's part.
   */
  default boolean awaitsCallerInput() {
    return this instanceof CallerInputNode;
  }

  /**
   * A way out of a node: the field that names it and the node it leads to.
   *
   * @param field the node's field, e.g. {@code next} or {@code choices[1]}, as problems name it
   * @param target the id of the node it leads to; {@code null} when the field is empty
   * @param required whether an empty field is a problem (an optional exit falls back to another)
   */
  record Exit(String field, @Nullable String target, boolean required) {

    /** An exit the node cannot do without. */
    public static Exit required(String field, @Nullable String target) {
      return new Exit(field, target, true);
    }

    /** An exit the node may leave empty. */
    public static Exit optional(String field, @Nullable String target) {
      return new Exit(field, target, false);
    }
  }
}
