package io.tandem.server.api;

import io.tandem.core.hours.BusinessHours;
import io.tandem.server.config.BusinessHoursDocument;
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

/** A tenant's business hours with their holidays: list, read, create or replace, delete. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/business-hours")
class BusinessHoursController {

  @GetMapping
  List<BusinessHoursDocument> list(Actor actor) {
    return actor.ask(
        t -> t.catalog().businessHours().stream().map(Resources::hoursDocument).toList());
  }

  @GetMapping("/{name}")
  BusinessHoursDocument get(Actor actor, @PathVariable("name") String name) {
    return Resources.hoursDocument(
        ConfigurationResponses.found(
            actor.ask(t -> t.businessHours(name)), "business hours '" + name + "'"));
  }

  @PutMapping("/{name}")
  ResponseEntity<BusinessHoursDocument> put(
      Actor actor, @PathVariable("name") String name, @RequestBody BusinessHoursDocument body) {
    BusinessHours hours = Resources.readBusinessHours(name, body);
    return ConfigurationResponses.put(
        actor.ask(t -> Resources.putBusinessHours(t, hours)), Resources.hoursDocument(hours));
  }

  /** Deletes the business hours; 409 while a queue or flow uses them. */
  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("name") String name) {
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteBusinessHours(t, name)), "business hours '" + name + "'");
  }
}
