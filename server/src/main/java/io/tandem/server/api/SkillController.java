package io.tandem.server.api;

import io.tandem.core.skill.SkillDefinition;
import io.tandem.server.config.Resources;
import io.tandem.server.config.SkillDocument;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's skill catalogue: list, read, create or replace ({@code PUT}), delete. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/skills")
class SkillController {

  @GetMapping
  List<SkillDocument> list(Actor actor) {
    return actor.ask(t -> t.catalog().skills().stream().map(SkillController::document).toList());
  }

  @GetMapping("/{skill}")
  SkillDocument get(Actor actor, @PathVariable("skill") String name) {
    return document(
        ConfigurationResponses.found(
            actor.ask(t -> t.catalog().skill(name)), "skill '" + name + "'"));
  }

  @PutMapping("/{skill}")
  ResponseEntity<SkillDocument> put(
      Actor actor, @PathVariable("skill") String name, @RequestBody SkillDocument body) {
    SkillDefinition skill = Resources.readSkill(name, body);
    return ConfigurationResponses.put(
        actor.ask(t -> Resources.putSkill(t, skill)), document(skill));
  }

  /** Deletes the skill; 409 if a flow still needs it. */
  @DeleteMapping("/{skill}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("skill") String name) {
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteSkill(t, name)), "skill '" + name + "'");
  }

  private static SkillDocument document(SkillDefinition skill) {
    return new SkillDocument(skill.name(), skill.description());
  }
}
