package io.tandem.acs.unify;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a callback's call connection is: the agent's Teams rings (CreateCall as the resource
 * account), the customer's phone rings (the agent answered; {@code participants:add}), agent and
 * customer talk, or the application is out of the call.
 */
enum CallbackCallState {
  DIALLING_AGENT,
  DIALLING_CUSTOMER,
  TALKING,
  ENDED;

  private Set<CallbackCallState> next() {
    return switch (this) {
      case DIALLING_AGENT -> EnumSet.of(DIALLING_CUSTOMER, ENDED);
      case DIALLING_CUSTOMER -> EnumSet.of(TALKING, ENDED);
      case TALKING -> EnumSet.of(ENDED);
      case ENDED -> EnumSet.noneOf(CallbackCallState.class);
    };
  }

  boolean canMoveTo(CallbackCallState target) {
    return next().contains(target);
  }
}
