package io.tandem.server.api;

import io.tandem.core.wrapup.WrapUpCode;
import io.tandem.server.config.Resources;
import io.tandem.server.config.WrapUpCodeDocument;
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
 * A tenant's wrap-up codes, in their order: list, read, create or replace ({@code PUT}), delete.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/wrap-up-codes")
class WrapUpCodeController {

  @GetMapping
  List<WrapUpCodeDocument> list(Actor actor) {
    return actor.ask(
        t -> t.catalog().wrapUpCodes().stream().map(WrapUpCodeController::document).toList());
  }

  @GetMapping("/{code}")
  WrapUpCodeDocument get(Actor actor, @PathVariable("code") String code) {
    return document(
        ConfigurationResponses.found(
            actor.ask(t -> t.catalog().wrapUpCode(code)), "wrap-up code '" + code + "'"));
  }

  @PutMapping("/{code}")
  ResponseEntity<WrapUpCodeDocument> put(
      Actor actor, @PathVariable("code") String code, @RequestBody WrapUpCodeDocument body) {
    WrapUpCode wrapUp = Resources.readWrapUpCode(code, body);
    return ConfigurationResponses.put(
        actor.ask(t -> Resources.putWrapUpCode(t, wrapUp)), document(wrapUp));
  }

  /** Deletes the wrap-up code. */
  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("code") String code) {
    return ConfigurationResponses.deleted(
        actor.ask(t -> Resources.deleteWrapUpCode(t, code)), "wrap-up code '" + code + "'");
  }

  private static WrapUpCodeDocument document(WrapUpCode code) {
    return new WrapUpCodeDocument(code.code(), code.label());
  }
}
