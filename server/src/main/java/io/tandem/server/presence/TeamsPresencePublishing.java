package io.tandem.server.presence;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.routing.Agent;
import io.tandem.graph.extend.ExtendCalls;
import io.tandem.graph.extend.OfferMode;
import io.tandem.graph.presence.AgentCallPresence;
import io.tandem.graph.presence.PresencePublisher;
import io.tandem.graph.presence.PresenceScheduler;
import io.tandem.graph.presence.PublishSettings;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Publishes the customer calls of {@link MicrosoftConnection#tandemTenant()}'s agents to Teams
 * ({@code tandem.microsoft.presence.publish}): Tandem's presence session shows an agent with a
 * {@code teamsUserId} {@code Busy/InACall} while on a customer call, and is cleared at the call's
 * end ({@link AgentCallPresence}, written by a {@link PresencePublisher} through the presence Graph
 * client, session id = the app's client id). Extend hand-over calls are never published: their end
 * is read from the agent's own presence, which a session of Tandem's would hide.
 *
 * <p>Once the application is ready it follows the tenant's events from the {@link EventFeed} and
 * learns the agents configured before (clearing any session a previous run left).
 *
 * <p>Threading: the listener runs on the tenant's writer (the event feed's thread, and a {@code
 * tell} for the agents); Graph requests on virtual threads, timers on one platform thread.
 */
public final class TeamsPresencePublishing
    implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsPresencePublishing.class);

  private final MicrosoftConnection microsoft;
  private final TenantRegistry tenants;
  private final EventFeed events;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("teams-presence-publish-timer").daemon(true).factory());
  private final ExecutorService writes =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("teams-presence-publish-", 0).factory());
  private final PresencePublisher publisher;
  private final AgentCallPresence calls;
  private final EventFeed.Subscriber subscriber = this::onEvent;

  public TeamsPresencePublishing(
      MicrosoftConnection microsoft, TenantRegistry tenants, EventFeed events, OfferMode extend) {
    this.microsoft = microsoft;
    this.tenants = tenants;
    this.events = events;
    this.publisher =
        new PresencePublisher(
            microsoft.presence(),
            PublishSettings.defaults(microsoft.clientId()),
            microsoft.clock(),
            PresenceScheduler.onVirtualThreads(timer),
            writes);
    this.calls = new AgentCallPresence(publisher, publishedFor(extend));
  }

  /** Every call but the Extend channel's hand-over calls (when {@code extend} is hand-over). */
  static Predicate<InteractionEvent.Arrived> publishedFor(OfferMode extend) {
    return arrived ->
        extend == OfferMode.STAY_IN_CALL
            || !ExtendCalls.EXTEND_MODEL.equals(
                arrived.attributes().get(ExtendCalls.MODEL_ATTRIBUTE));
  }

  /** Starts publishing: the application is ready. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    events.subscribe(subscriber);
    RunningTenant tenant = tenants.find(microsoft.tandemTenant());
    if (tenant == null) {
      LOG.info("No tenant {} whose agents' calls to publish", microsoft.tandemTenant());
      return;
    }
    tenant.tell(t -> calls.agents(t.state().agents().stream().map(Agent::profile).toList()));
    LOG.info("Publishing the calls of tenant {}'s agents to Teams", microsoft.tandemTenant());
  }

  /** What Graph was last told for {@code teamsUserId} (tests, health pages). */
  public PresencePublisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    events.unsubscribe(subscriber);
    publisher.close();
    timer.shutdownNow();
    writes.shutdownNow();
  }

  private void onEvent(LoggedEvent logged) {
    if (logged.tenant().equals(microsoft.tandemTenant())) {
      calls.on(logged.event());
    }
  }
}
