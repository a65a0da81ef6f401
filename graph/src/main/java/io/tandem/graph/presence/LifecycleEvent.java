package io.tandem.graph.presence;

import java.util.Locale;

/**
 * A lifecycle notification Graph sent about one of Tandem's subscriptions.
 *
 * @param subscriptionId the subscription it is about
 * @param kind what happened
 */
public record LifecycleEvent(String subscriptionId, Kind kind) {

  /** Graph's {@code lifecycleEvent} values. */
  public enum Kind {
    /** Graph ended the subscription: create it again. */
    SUBSCRIPTION_REMOVED,
    /** Graph dropped notifications: re-read the subscription's users. */
    MISSED,
    /** Graph wants the subscription renewed now, or it will be removed. */
    REAUTHORIZATION_REQUIRED,
    /** A value this code does not know; ignored. */
    OTHER;

    /** Parses Graph's spelling ({@code subscriptionRemoved}), case-insensitive. */
    public static Kind fromGraph(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "subscriptionremoved" -> SUBSCRIPTION_REMOVED;
        case "missed" -> MISSED;
        case "reauthorizationrequired" -> REAUTHORIZATION_REQUIRED;
        default -> OTHER;
      };
    }
  }
}
