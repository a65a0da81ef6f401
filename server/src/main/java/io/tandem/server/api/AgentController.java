package io.tandem.server.api;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.routing.Agent;
import io.tandem.server.config.AgentDocument;
import io.tandem.server.config.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's agents: list and read (configuration plus live status), create or replace ({@code
 * PUT}), delete (409 while logged in or a member of a queue).
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/agents")
class AgentController {

  /** An agent as the API shows it: the configuration document's keys plus {@code status}. */
  record AgentResource(
      String id,
      String name,
      Map<String, Integer> skills,
      List<String> languages,
      Map<String, Integer> capacity,
      @Nullable String teamsUserId,
      @Nullable Status status) {

    static AgentResource of(AgentProfile profile, @Nullable Status status) {
      AgentDocument doc = Resources.agentDocument(profile);
      return new AgentResource(
          profile.id().value(),
          profile.name(),
          doc.skills(),
          doc.languages(),
          doc.capacity(),
          profile.teamsUserId(),
          status);
    }

    static AgentResource of(Agent agent) {
      return of(
          agent.profile(),
          new Status(
              agent.state().name(),
              agent.notReadyReason(),
              agent.presence().name(),
              agent.stateSince()));
    }
  }

  /** The agent's live state, Teams presence and since when they are in that state. */
  record Status(String state, @Nullable String notReadyReason, String presence, Instant since) {}

  @GetMapping
  List<AgentResource> list(Actor actor) {
    return actor.ask(t -> t.state().agents().stream().map(AgentResource::of).toList());
  }

  @GetMapping("/{agent}")
  AgentResource get(Actor actor, @PathVariable("agent") String id) {
    AgentId agent = Ids.parse("agent", id, AgentId::new);
    return ConfigurationResponses.found(
        actor.ask(
            t -> t.state().agent(agent) == null ? null : AgentResource.of(t.state().agent(agent))),
        "agent '" + id + "'");
  }

  @PutMapping("/{agent}")
  ResponseEntity<AgentResource> put(
      Actor actor, @PathVariable("agent") String id, @RequestBody AgentDocument body) {
    Ids.parse("agent", id, AgentId::new);
    AgentProfile profile = Resources.readAgent(id, body);
    return ConfigurationResponses.put(
        actor.ask(t -> Resources.putAgent(t, profile)),
        actor.ask(t -> AgentResource.of(t.state().agent(profile.id()))));
  }

  @DeleteMapping("/{agent}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("agent") String id) {
    AgentId agent = Ids.parse("agent", id, AgentId::new);
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteAgent(t, agent)), "agent '" + id + "'");
  }
}
