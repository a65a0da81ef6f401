package io.tandem.graph.extend;

/** How an offer brings the caller to an agent. */
public enum OfferMode {
  /**
   * The bot calls the agent's Teams user from the resource account and, once answered, transfers
   * the caller's call onto it (consultative transfer) and leaves: the agent controls the call in
   * Teams, and its end is read from the agent's presence.
   */
  HAND_OVER,
  /**
   * The bot invites the agent's Teams user into the caller's call and stays in it, so it can hold,
   * consult, conference, transfer and hang up for the agent (Tandem's call control).
   */
  STAY_IN_CALL;

  /** Reads {@code hand-over} or {@code stay-in-call} (case and {@code _} ignored). */
  public static OfferMode parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
      case "hand-over" -> HAND_OVER;
      case "stay-in-call" -> STAY_IN_CALL;
      default ->
          throw new IllegalArgumentException(
              "an offer mode is hand-over or stay-in-call, not '" + text + "'");
    };
  }
}
