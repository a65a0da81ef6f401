package io.tandem.acs.unify;

import io.tandem.acs.events.CallEvent;
import io.tandem.core.interaction.InteractionId;
import java.util.List;

/** How a caller's connection makes itself known to {@link UnifyCalls} and leaves it. */
interface Registry {

  /** Routes the tenant's events about {@code interaction} to {@code call}. */
  void bind(InteractionId interaction, CallerConnection call);

  /**
   * Routes callbacks about {@code callConnectionId} to {@code call}; returns those that arrived
   * before it was known, in order.
   */
  List<CallEvent> claim(String callConnectionId, CallerConnection call);

  /** The call is over: nothing reaches it any more. */
  void forget(CallerConnection call);
}
