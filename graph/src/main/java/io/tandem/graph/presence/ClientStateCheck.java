package io.tandem.graph.presence;

import org.jspecify.annotations.Nullable;

/**
 * Whether a notification's {@code clientState} is the secret Tandem gave the subscription it names.
 * Basic presence notifications carry no signature, so this is what tells Graph's notifications from
 * forged ones. {@link PresenceSubscriptions} is one.
 */
@FunctionalInterface
public interface ClientStateCheck {

  /** True only for a subscription Tandem holds now and exactly its clientState. */
  boolean matches(String subscriptionId, @Nullable String clientState);
}
