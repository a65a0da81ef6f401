package io.tandem.server.presence;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.routing.Agent;
import io.tandem.graph.presence.ClientStateCheck;
import io.tandem.graph.presence.PresenceChanged;
import io.tandem.graph.presence.PresenceFeed;
import io.tandem.graph.presence.ReceivedNotifications;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.microsoft.MicrosoftProperties;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Follows the Teams presence of the agents of {@link MicrosoftConnection#tandemTenant()} who have a
 * {@code teamsUserId}, and tells the tenant each change ({@code Tenant.presenceChanged}, through
 * its mailbox). The path:
 *
 * <ol>
 *   <li>once the application is ready (tenants recovered, the web server answering Graph's
 *       validation handshake), read the tenant's agents and start a {@link PresenceFeed} for their
 *       Teams users, notifications to {@value #NOTIFICATION_PATH} under the public base URL;
 *   <li>{@link PresenceNotificationController} hands each notification to {@link #received};
 *   <li>every {@link PresenceChanged} becomes {@code presenceChanged(agent, availability)} for each
 *       agent who is that user;
 *   <li>an agent added, changed or removed (configuration API, demo) re-reads the agents; when the
 *       set of Teams users changed, the feed is replaced (its subscriptions deleted, new ones
 *       made).
 * </ol>
 *
 * <p>States: {@code WAITING} (until the application is ready) → {@code RUNNING} → {@code CLOSED}.
 * Graph being unreachable is logged, never fatal: the feed retries and polls; a feed that cannot
 * even start is tried again after the poll interval.
 *
 * <p>Threading: re-reading the agents and replacing the feed run on one virtual thread ({@code
 * teams-presence-sync}), requests coalesced; the feed reads and waits on the threads of {@link
 * TeamsPresenceFeeds}. {@link #received} and {@link #clientStates} never block.
 */
public final class TeamsPresenceRouting
    implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

  /** Where Graph posts presence notifications and lifecycle events, under the public base URL. */
  public static final String NOTIFICATION_PATH = "/api/microsoft/graph/presence";

  private static final Logger LOG = LoggerFactory.getLogger(TeamsPresenceRouting.class);
  private static final Duration READ_AGENTS_TIMEOUT = Duration.ofSeconds(30);

  enum State {
    WAITING,
    RUNNING,
    CLOSED
  }

  /** A started feed and the agents it watches. */
  private record Watch(PresenceFeed feed, TeamsAgents agents) {}

  private final MicrosoftConnection microsoft;
  private final MicrosoftProperties.Presence settings;
  private final TeamsPresenceFeeds feeds;
  private final TenantRegistry tenants;
  private final EventFeed events;
  private final EventFeed.Subscriber agentChanges = this::onEvent;
  private final ExecutorService syncs =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("teams-presence-sync").factory());
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private volatile State state = State.WAITING;
  private volatile @Nullable Watch watch;

  public TeamsPresenceRouting(
      MicrosoftConnection microsoft,
      MicrosoftProperties.Presence settings,
      TenantRegistry tenants,
      EventFeed events) {
    this.microsoft = microsoft;
    this.settings = settings;
    this.feeds = new TeamsPresenceFeeds(microsoft, settings);
    this.tenants = tenants;
    this.events = events;
    events.subscribe(agentChanges);
  }

  /** Starts following presence: the application is ready. */
  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    if (state == State.WAITING) {
      state = State.RUNNING;
      requestSync();
    }
  }

  /** The clientState check for the notification endpoint; matches nothing while no feed runs. */
  public ClientStateCheck clientStates() {
    return (subscriptionId, clientState) -> {
      Watch current = watch;
      return current != null && current.feed().clientStates().matches(subscriptionId, clientState);
    };
  }

  /** Hands what the notification endpoint parsed to the feed; never blocks. */
  public void received(ReceivedNotifications notifications) {
    Watch current = watch;
    if (current != null) {
      current.feed().received(notifications);
    } else if (!notifications.refusals().isEmpty()) {
      LOG.debug("Dropped {} presence notifications: no feed runs", notifications.refusals().size());
    }
  }

  /** The running feed, if any (health pages, tests). */
  public Optional<PresenceFeed> feed() {
    Watch current = watch;
    return current == null ? Optional.empty() : Optional.of(current.feed());
  }

  /** The Teams users (lower-case Entra object ids) whose presence is followed now. */
  public Set<String> watchedUsers() {
    Watch current = watch;
    return current == null ? Set.of() : current.agents().userIds();
  }

  State state() {
    return state;
  }

  /** Stops following: no more syncs, the feed's subscriptions are deleted. */
  @Override
  public void close() {
    synchronized (this) {
      state = State.CLOSED;
    }
    events.unsubscribe(agentChanges);
    syncs.shutdown();
    try {
      if (!syncs.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Teams presence sync did not finish in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Watch current = watch;
    watch = null;
    if (current != null) {
      closeQuietly(current.feed());
    }
    feeds.close();
  }

  private void onEvent(LoggedEvent logged) {
    if (logged.tenant().equals(microsoft.tandemTenant())
        && (logged.event() instanceof AgentEvent.Configured
            || logged.event() instanceof AgentEvent.Removed)) {
      requestSync();
    }
  }

  /** Queues one sync unless one is queued already; never blocks. */
  private void requestSync() {
    if (state != State.RUNNING || !syncQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      syncs.execute(
          () -> {
            syncQueued.set(false);
            sync();
          });
    } catch (RejectedExecutionException closing) {
      syncQueued.set(false);
    }
  }

  /** Brings the feed to the tenant's agents: replaced only when their Teams users changed. */
  private void sync() {
    if (state != State.RUNNING) {
      return;
    }
    TeamsAgents wanted;
    try {
      wanted = readAgents();
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      LOG.warn("Cannot read the agents of tenant {}: {}", microsoft.tandemTenant(), e.toString());
      retryLater();
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Watch current = watch;
    if (wanted.equals(current == null ? TeamsAgents.NONE : current.agents())) {
      return;
    }
    if (current != null) {
      watch = null;
      closeQuietly(current.feed());
    }
    if (wanted.isEmpty()) {
      LOG.info("No agent of tenant {} has a Teams user to follow", microsoft.tandemTenant());
      return;
    }
    start(wanted);
  }

  private void start(TeamsAgents agents) {
    PresenceFeed feed;
    try {
      feed = feeds.create(change -> route(change, agents));
      watch = new Watch(feed, agents); // before start: notifications may arrive during it
      feed.start(agents.userIds());
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot follow Teams presence of tenant {} now, trying again in {}: {}",
          microsoft.tandemTenant(),
          settings.pollInterval(),
          e.toString());
      Watch failed = watch;
      watch = null;
      if (failed != null) {
        closeQuietly(failed.feed());
      }
      retryLater();
      return;
    }
    LOG.info(
        "Following the Teams presence of {} users ({} agents) of tenant {} through {}",
        agents.userIds().size(),
        agents.byUser().values().stream().mapToInt(List::size).sum(),
        microsoft.tandemTenant(),
        microsoft.publicUrl(NOTIFICATION_PATH));
  }

  private TeamsAgents readAgents()
      throws ExecutionException, TimeoutException, InterruptedException {
    RunningTenant tenant = tenants.find(microsoft.tandemTenant());
    if (tenant == null) {
      return TeamsAgents.NONE;
    }
    return tenant
        .ask(t -> TeamsAgents.of(t.state().agents().stream().map(Agent::profile).toList()))
        .get(READ_AGENTS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Tells the tenant, on its mailbox, the new availability of each agent who is the user. */
  private void route(PresenceChanged change, TeamsAgents agents) {
    List<AgentId> ids = agents.agentsOf(change.userId());
    RunningTenant tenant = tenants.find(microsoft.tandemTenant());
    if (ids.isEmpty() || tenant == null) {
      return;
    }
    Availability availability = change.presence().availability();
    tenant
        .tell(
            t -> {
              for (AgentId id : ids) {
                if (t.state().agent(id) != null) {
                  t.presenceChanged(id, availability);
                }
              }
            })
        .exceptionally(
            failed -> {
              LOG.warn(
                  "Presence {} of {} not applied: {}", change.presence(), ids, failed.toString());
              return null;
            });
  }

  private void retryLater() {
    feeds.later(settings.pollInterval(), this::requestSync);
  }

  private static void closeQuietly(PresenceFeed feed) {
    try {
      feed.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the Teams presence feed failed: {}", e.toString());
    }
  }
}
