package io.tandem.server.connect;

import io.tandem.core.agent.AgentId;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.voicemail.VoicemailIntakes;
import io.tandem.sip.b2bua.Tenants;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's tenants as the Connect node's port: the tenants a carrier trunk names, each with the
 * node's listener added once, on the first call for it; agents' Teams numbers from {@code
 * tandem.sip.agent-numbers}, else from the Teams directory by the agent's {@code teamsUserId}; and
 * no data lookups yet (a lookup fails at once with {@code no-lookup-adapter}).
 *
 * <p>Threading: called on the node's lanes, never on a tenant's writer, so waiting for an answer
 * from the writer is safe here.
 */
final class ServerTenants implements Tenants {

  private static final Logger LOG = LoggerFactory.getLogger(ServerTenants.class);
  private static final Duration ASK_LIMIT = Duration.ofSeconds(5);

  private final TenantRegistry registry;
  private final Set<TenantId> served;
  private final Map<String, String> agentNumbers;
  private final Function<String, Optional<String>> teamsDirectory;
  private final VoicemailIntakes voicemail;
  private final Set<TenantId> attached = ConcurrentHashMap.newKeySet();
  private volatile @Nullable Function<TenantId, TenantEventListener> listeners;

  /**
   * @param served the tenants the carrier trunks deliver callers to
   * @param agentNumbers agent id to Teams number
   * @param teamsDirectory Teams user id (Entra object id) to the user's phone number
   * @param voicemail where each tenant's voicemail messages are kept
   */
  ServerTenants(
      TenantRegistry registry,
      Set<TenantId> served,
      Map<String, String> agentNumbers,
      Function<String, Optional<String>> teamsDirectory,
      VoicemailIntakes voicemail) {
    this.registry = registry;
    this.served = Set.copyOf(served);
    this.agentNumbers = Map.copyOf(agentNumbers);
    this.teamsDirectory = teamsDirectory;
    this.voicemail = voicemail;
  }

  @Override
  public Optional<VoicemailIntake> voicemail(TenantId id) {
    return served.contains(id) ? Optional.of(voicemail.of(id)) : Optional.empty();
  }

  /** The node's listener for each tenant; set once the node runs, before its first call. */
  void listenWith(Function<TenantId, TenantEventListener> listenerOf) {
    this.listeners = listenerOf;
  }

  @Override
  public Optional<TenantAccess> access(TenantId id) {
    if (!served.contains(id)) {
      return Optional.empty();
    }
    RunningTenant tenant = registry.tenant(id);
    Function<TenantId, TenantEventListener> listenerOf = listeners;
    if (listenerOf != null && attached.add(id)) {
      tenant.tell(t -> t.addListener(listenerOf.apply(id))).join();
    }
    return Optional.of(tenant::ask);
  }

  @Override
  public Optional<String> teamsNumber(TenantId id, AgentId agent) {
    String configured = agentNumbers.get(agent.value());
    if (configured != null) {
      return Optional.of(configured);
    }
    RunningTenant tenant = registry.find(id);
    if (tenant == null) {
      return Optional.empty();
    }
    try {
      String user =
          tenant
              .ask(
                  t -> {
                    Agent known = t.state().agent(agent);
                    return known == null ? null : known.profile().teamsUserId();
                  })
              .get(ASK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      return user == null ? Optional.empty() : teamsDirectory.apply(user);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Cannot read the Teams user of agent {} of tenant {}: {}", agent, id, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public DataLookup lookups(TenantId id, InteractionId interaction) {
    return (url, timeout) ->
        registry
            .tenant(id)
            .tell(
                t -> {
                  FlowRun run = t.virtualAssistantOf(interaction);
                  if (run != null) {
                    run.onLookupFailed("no-lookup-adapter");
                  }
                });
  }
}
