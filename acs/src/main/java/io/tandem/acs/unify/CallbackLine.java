package io.tandem.acs.unify;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the Unify application places callbacks: as the Teams resource account {@code
 * resourceAccountId} (CreateCall's {@code teamsAppSource}), showing {@code number} (its phone
 * number, E.164) to the agent and to the customer, and ringing the customer for at most {@code
 * customerRingTimeout} (1–180 s) before the attempt counts as not answered.
 */
public record CallbackLine(String resourceAccountId, String number, Duration customerRingTimeout) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  public CallbackLine {
    Objects.requireNonNull(resourceAccountId, "resourceAccountId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(customerRingTimeout, "customerRingTimeout");
    if (resourceAccountId.isBlank()) {
      throw new IllegalArgumentException("resourceAccountId is blank");
    }
    if (!E164.matcher(number).matches()) {
      throw new IllegalArgumentException("the callback number must be +E164, was: " + number);
    }
    if (customerRingTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || customerRingTimeout.compareTo(Duration.ofSeconds(180)) > 0
        || customerRingTimeout.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "customerRingTimeout must be whole seconds within 1–180 s: " + customerRingTimeout);
    }
  }
}
