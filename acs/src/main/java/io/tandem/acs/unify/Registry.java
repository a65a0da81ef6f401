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

  /** Routes the report of the stored recording of {@code serverCallId} to {@code voicemail}. */
  void awaitFile(String serverCallId, CallerVoicemail voicemail);

  /** The recording file of {@code serverCallId} is no longer awaited. */
  void fileHandled(String serverCallId, CallerVoicemail voicemail);

  /** The call is over: nothing reaches it any more. */
  void forget(CallerConnection call);
}
