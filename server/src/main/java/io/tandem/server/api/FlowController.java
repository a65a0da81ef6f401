package io.tandem.server.api;

import io.tandem.core.flow.Flow;
import io.tandem.server.config.Resources;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's virtual-assistant flows: list, read, create or replace ({@code PUT}, validated against
 * the tenant: every problem is reported with its {@code nodes.<node>.<field>} path), delete.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/flows")
class FlowController {

  @GetMapping
  List<JsonNode> list(Actor actor) {
    return actor.ask(t -> t.catalog().flows().stream().map(Resources::flowDocument).toList());
  }

  @GetMapping("/{flow}")
  JsonNode get(Actor actor, @PathVariable("flow") String id) {
    return Resources.flowDocument(
        ConfigurationResponses.found(actor.ask(t -> t.catalog().flow(id)), "flow '" + id + "'"));
  }

  @PutMapping("/{flow}")
  ResponseEntity<JsonNode> put(
      Actor actor, @PathVariable("flow") String id, @RequestBody JsonNode body) {
    Flow flow = Resources.readFlow(id, body);
    return ConfigurationResponses.put(
        actor.ask(t -> Resources.putFlow(t, flow)), Resources.flowDocument(flow));
  }

  @DeleteMapping("/{flow}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("flow") String id) {
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteFlow(t, id)), "flow '" + id + "'");
  }
}
