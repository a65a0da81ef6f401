package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.QueuePlace;
import io.tandem.core.routing.Agent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One caller's wait in a queue as the channel carrying the call follows it: the interaction events
 * that concern the wait, handed to the channel's {@link Steps}; the queue the caller waits in; and
 * what the channel asks the tenant while the caller waits (the queue's announcements, the caller's
 * place, the offered agent's Teams user). Confined to the call's lane; every question runs on the
 * tenant's writer through {@link TenantAccess} and completes there.
 */
public final class QueuedCaller {

  /** What the channel does on the wire at each step of the wait. Called on the call's lane. */
  public interface Steps {

    /** The caller waits in {@code queue} now: first queued, or moved there. */
    void queued(QueueId queue);

    /**
     * The tenant offers the caller to {@code agent}; the reservation lapses at {@code deadline}.
     */
    void offered(ReservationId reservation, AgentId agent, Instant deadline);

    /** The offer is over without the agent taking the call: timed out, withdrawn or declined. */
    void offerEnded(ReservationId reservation);
  }

  /**
   * The Teams user an offered agent is reached at.
   *
   * @param userId the agent's Entra object id
   * @param displayName the agent's display name
   */
  public record AgentTeamsUser(String userId, String displayName) {
    public AgentTeamsUser {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(displayName, "displayName");
    }
  }

  private final TenantAccess tenant;
  private final Steps steps;
  private @Nullable QueueId queue;

  public QueuedCaller(TenantAccess tenant, Steps steps) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  /** Hands {@code event} to the steps if it concerns the wait; other events change nothing. */
  public void on(InteractionEvent event) {
    switch (event) {
      case InteractionEvent.Queued queued -> queuedIn(queued.queue());
      case InteractionEvent.TransferredToQueue moved -> queuedIn(moved.queue());
      case InteractionEvent.Offered offered ->
          steps.offered(offered.reservation(), offered.agent(), offered.deadline());
      case InteractionEvent.OfferTimedOut timedOut -> steps.offerEnded(timedOut.reservation());
      case InteractionEvent.OfferWithdrawn withdrawn -> steps.offerEnded(withdrawn.reservation());
      case InteractionEvent.OfferDeclined declined -> steps.offerEnded(declined.reservation());
      default -> {
        // Other events change nothing on the wire while the caller waits.
      }
    }
  }

  private void queuedIn(QueueId id) {
    queue = id;
    steps.queued(id);
  }

  /** The queue the caller was last queued in; {@code null} before the first. */
  public @Nullable QueueId queue() {
    return queue;
  }

  /** The announcements of {@code id}: its own, or the standard ones if it is not configured. */
  public CompletableFuture<Announcements> announcements(QueueId id) {
    return tenant.ask(t -> Announcements.of(t.state().queue(id)));
  }

  /** The place of interaction {@code id} in its queue; none before it is known and queued. */
  public CompletableFuture<QueuePlace> place(@Nullable InteractionId id) {
    if (id == null || queue == null) {
      return CompletableFuture.completedFuture(QueuePlace.NONE);
    }
    return tenant.ask(t -> t.placeOf(id));
  }

  /** The Teams user of {@code agent}; empty if the tenant knows no such agent or no Teams user. */
  public CompletableFuture<Optional<AgentTeamsUser>> teamsUserOf(AgentId agent) {
    return tenant.ask(
        t -> {
          Agent known = t.state().agent(agent);
          AgentProfile profile = known == null ? null : known.profile();
          String userId = profile == null ? null : profile.teamsUserId();
          return userId == null || profile == null
              ? Optional.empty()
              : Optional.of(new AgentTeamsUser(userId, profile.name()));
        });
  }
}
