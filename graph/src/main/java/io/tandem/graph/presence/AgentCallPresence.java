package io.tandem.graph.presence;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Publishes a tenant's agents' customer calls to Teams: follows the tenant's events and tells a
 * {@link PresencePublisher} that an agent with a Teams user is {@link SessionPresence#IN_A_CALL}
 * from {@code Connected} (or {@code CallbackAnswered}) until the call is over for them, {@link
 * SessionPresence#CLEARED} otherwise. The mapping, on any channel:
 *
 * <ul>
 *   <li>offered (reserved, ringing): nothing published; the agent's Teams client rings on its own;
 *   <li>connected, held, consulting, conferencing: {@code Busy/InACall};
 *   <li>disconnected, transferred away, into wrap-up: cleared. Graph offers an app session only
 *       Available, Busy/InACall, Busy/InAConferenceCall and Away; none says "after-call work", and
 *       "In a call" would tell colleagues something false. Tandem's own wrap-up state keeps routing
 *       away from the agent meanwhile;
 *   <li>ready, not ready, logged out: cleared (their own Teams presence shows).
 * </ul>
 *
 * <p>Calls {@code publishedFor} refuses (e.g. Extend hand-over calls, whose end Tandem reads from
 * the agent's presence: a session of Tandem's would keep the agent busy and the call would never
 * end) are never published.
 *
 * <p>Routing reads presence through the feed, so it reads back {@code Busy} for an agent Tandem put
 * there; Tandem's own state is authoritative meanwhile (the agent is busy in Tandem anyway), and
 * the clear, sent as the call ends, brings back the user's own presence. Clears are written first.
 *
 * <p>Threading: {@link #on} runs on the tenant's single writer and never blocks; {@link #agents}
 * must be called there too (the state is confined to it).
 */
public final class AgentCallPresence implements TenantEventListener {

  private final PresencePublisher publisher;
  private final Predicate<InteractionEvent.Arrived> publishedFor;
  private final Map<AgentId, String> teamsUsers = new HashMap<>();
  private final Map<AgentId, Set<InteractionId>> calls = new HashMap<>();
  private final Set<InteractionId> unpublished = new HashSet<>();

  public AgentCallPresence(
      PresencePublisher publisher, Predicate<InteractionEvent.Arrived> publishedFor) {
    this.publisher = publisher;
    this.publishedFor = publishedFor;
  }

  /**
   * Learns the tenant's agents as they are now (those configured before this listener was added);
   * each Teams user's session is written once, cleared unless a call of theirs is known.
   */
  public void agents(Collection<AgentProfile> profiles) {
    profiles.forEach(this::configured);
  }

  @Override
  public void on(TenantEvent event) {
    switch (event) {
      case AgentEvent.Configured configured -> configured(configured.profile());
      case AgentEvent.Removed removed -> {
        over(removed.agent());
        teamsUsers.remove(removed.agent());
      }
      case AgentEvent.BecameReady ready -> over(ready.agent());
      case AgentEvent.BecameNotReady notReady -> over(notReady.agent());
      case AgentEvent.LoggedOut out -> over(out.agent());
      case InteractionEvent.Arrived arrived -> {
        if (!publishedFor.test(arrived)) {
          unpublished.add(arrived.interaction());
        }
      }
      case InteractionEvent.Connected connected ->
          talking(connected.agent(), connected.interaction());
      case InteractionEvent.CallbackAnswered answered ->
          talking(answered.agent(), answered.interaction());
      case InteractionEvent.Disconnected gone -> left(gone.agent(), gone.interaction());
      case InteractionEvent.TransferredToQueue moved ->
          left(moved.fromAgent(), moved.interaction());
      case InteractionEvent.CallbackNotReached missed -> left(missed.agent(), missed.interaction());
      case InteractionEvent.WrapUpCompleted done -> left(done.agent(), done.interaction());
      case InteractionEvent.Ended ended -> ended(ended.interaction());
      case InteractionEvent.Failed failed -> ended(failed.interaction());
      default -> {}
    }
  }

  private void configured(AgentProfile profile) {
    String user = profile.teamsUserId();
    String before =
        user == null || user.isBlank()
            ? teamsUsers.remove(profile.id())
            : teamsUsers.put(profile.id(), user);
    if (before != null && !before.equalsIgnoreCase(user == null ? "" : user)) {
      publisher.want(before, SessionPresence.CLEARED);
    }
    if (user != null && !user.isBlank() && !user.equalsIgnoreCase(before)) {
      publish(profile.id());
    }
  }

  private void talking(AgentId agent, InteractionId interaction) {
    if (!unpublished.contains(interaction)) {
      calls.computeIfAbsent(agent, a -> new HashSet<>()).add(interaction);
      publish(agent);
    }
  }

  private void left(AgentId agent, InteractionId interaction) {
    Set<InteractionId> of = calls.get(agent);
    if (of != null && of.remove(interaction)) {
      publish(agent);
    }
  }

  private void over(AgentId agent) {
    Set<InteractionId> of = calls.remove(agent);
    if (of != null && !of.isEmpty()) {
      publish(agent);
    }
  }

  private void ended(InteractionId interaction) {
    unpublished.remove(interaction);
    for (Map.Entry<AgentId, Set<InteractionId>> agent : Map.copyOf(calls).entrySet()) {
      left(agent.getKey(), interaction);
    }
  }

  private void publish(AgentId agent) {
    String user = teamsUsers.get(agent);
    if (user != null) {
      Set<InteractionId> of = calls.get(agent);
      publisher.want(
          user, of == null || of.isEmpty() ? SessionPresence.CLEARED : SessionPresence.IN_A_CALL);
    }
  }
}
