package io.tandem.server.api;

import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.server.config.QueueDocument;
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

/**
 * A tenant's queues: list, read, create or replace ({@code PUT}; references to business hours,
 * queues, agents and skills must resolve), delete (409 while callers wait or ring in it, or another
 * queue or a flow refers to it).
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/queues")
class QueueController {

  @GetMapping
  List<QueueDocument> list(Actor actor) {
    return actor.ask(t -> t.state().queues().stream().map(Resources::queueDocument).toList());
  }

  @GetMapping("/{queue}")
  QueueDocument get(Actor actor, @PathVariable("queue") String id) {
    QueueId queue = Ids.parse("queue", id, QueueId::new);
    return Resources.queueDocument(
        ConfigurationResponses.found(actor.ask(t -> t.state().queue(queue)), "queue '" + id + "'"));
  }

  @PutMapping("/{queue}")
  ResponseEntity<QueueDocument> put(
      Actor actor, @PathVariable("queue") String id, @RequestBody QueueDocument body) {
    Ids.parse("queue", id, QueueId::new);
    Resources.Put<QueueConfig> put = actor.ask(t -> Resources.putQueue(t, id, body));
    return ConfigurationResponses.put(put.created(), Resources.queueDocument(put.value()));
  }

  @DeleteMapping("/{queue}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("queue") String id) {
    QueueId queue = Ids.parse("queue", id, QueueId::new);
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteQueue(t, queue)), "queue '" + id + "'");
  }
}
