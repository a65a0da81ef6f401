package io.tandem.server.unify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a tenant's callbacks are placed ({@code tandem.callbacks.*}), documented with their defaults
 * in server/README.md.
 *
 * @param channel which channel dials the callbacks: {@code auto} (the Unify channel when it is
 *     enabled, the only one that dials callbacks today), {@code unify}, or {@code none} (callback
 *     offers ring agents but nobody places the call)
 * @param attempts calls placed to the customer at most before the callback ends {@code
 *     callback-failed}
 * @param retryDelay how long a callback whose customer was not reached waits before it is offered
 *     again
 * @param customerRingTimeout how long the customer's phone rings (1–180 s) before the attempt
 *     counts as not answered
 */
@ConfigurationProperties("tandem.callbacks")
public record CallbackProperties(
    @DefaultValue("auto") String channel,
    @DefaultValue("3") int attempts,
    @DefaultValue("5m") Duration retryDelay,
    @DefaultValue("30s") Duration customerRingTimeout) {

  public CallbackProperties {
    if (!channel.equals("auto") && !channel.equals("unify") && !channel.equals("none")) {
      throw new IllegalArgumentException(
          "tandem.callbacks.channel must be auto, unify or none, was: " + channel);
    }
  }

  /** Whether the Unify channel dials the callbacks of the tenant it serves. */
  boolean unifyDials() {
    return !channel.equals("none");
  }
}
