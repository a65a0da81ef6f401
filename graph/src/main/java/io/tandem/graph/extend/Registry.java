package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.graph.calls.CallSignal;
import java.util.List;

/** How a caller call makes itself findable by the notifications and events that concern it. */
interface Registry {

  /** Events about {@code interaction} go to {@code call}; called on the tenant's writer. */
  void bind(InteractionId interaction, CallerCall call);

  /**
   * Notifications about the Graph call {@code callId} go to {@code call}; returns those that
   * arrived before, in order.
   */
  List<CallSignal> claim(String callId, CallerCall call);

  /** The agent's presence changes go to {@code call} (handed over to that agent), or stop. */
  void watchPresence(AgentId agent, CallerCall call, boolean watch);

  /** The call is over for the bot; forget every binding. */
  void forget(CallerCall call);
}
