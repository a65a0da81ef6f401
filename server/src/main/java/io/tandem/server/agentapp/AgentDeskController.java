package io.tandem.server.agentapp;

import io.tandem.core.agent.AgentId;
import io.tandem.core.routing.Agent;
import io.tandem.server.api.Actor;
import io.tandem.server.api.ApiException;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tenants/{tenant}/agents/{agent}/desk}: the agent's {@link AgentDesk}, read on
 * the tenant's writer at one moment. 404 for an unknown tenant or agent, 400 for a malformed agent
 * id.
 */
@RestController
class AgentDeskController {

  private final Clock clock;
  private final NotReadyReasons reasons;

  AgentDeskController(Clock clock, NotReadyReasons reasons) {
    this.clock = clock;
    this.reasons = reasons;
  }

  @GetMapping("/api/v1/tenants/{tenant}/agents/{agent}/desk")
  AgentDesk desk(Actor actor, @PathVariable String agent) {
    AgentId id;
    try {
      id = new AgentId(agent);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("agent", e.getMessage());
    }
    return actor.ask(
        tenant -> {
          Agent found = tenant.state().agent(id);
          if (found == null) {
            throw ApiException.notFound("no agent '" + id + "' in tenant " + tenant.id());
          }
          return AgentDesk.read(found, tenant.state(), clock.instant(), reasons.all());
        });
  }
}
