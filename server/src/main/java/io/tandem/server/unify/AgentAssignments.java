package io.tandem.server.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams extension access assignments that let the ACS resource ring the tenant's agents: every
 * agent with a Teams identity when the channel starts, and every agent configured later with one
 * (added, or given a Teams identity). Each Teams user is assigned once per run; a refusal is logged
 * and tried again the next time the agent is configured.
 *
 * <p>Threading: {@link #on} runs on the tenant's writer and only hands the request to the executor.
 */
final class AgentAssignments implements TenantEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(AgentAssignments.class);

  private final CallAutomationClient acs;
  private final String microsoftTenant;
  private final String clientId;
  private final Executor executor;
  private final Set<String> assigned = ConcurrentHashMap.newKeySet();

  AgentAssignments(
      CallAutomationClient acs, String microsoftTenant, String clientId, Executor executor) {
    this.acs = acs;
    this.microsoftTenant = microsoftTenant;
    this.clientId = clientId;
    this.executor = executor;
  }

  /** Assigns {@code teamsUsers} now, on the calling thread; returns how many were accepted. */
  int assignAll(List<String> teamsUsers) {
    int accepted = 0;
    for (String user : teamsUsers) {
      if (assign(user)) {
        accepted++;
      }
    }
    return accepted;
  }

  @Override
  public void on(TenantEvent event) {
    if (event instanceof AgentEvent.Configured configured
        && configured.profile().teamsUserId() != null
        && !assigned.contains(configured.profile().teamsUserId())) {
      String user = configured.profile().teamsUserId();
      executor.execute(() -> assign(user));
    }
  }

  private boolean assign(String user) {
    if (!assigned.add(user)) {
      return true;
    }
    try {
      acs.assignTeamsExtensionUser(microsoftTenant, user, List.of(clientId));
      return true;
    } catch (AcsException | RuntimeException refused) {
      assigned.remove(user);
      LOG.warn("Teams extension assignment of {} refused: {}", user, refused.getMessage());
      return false;
    }
  }
}
