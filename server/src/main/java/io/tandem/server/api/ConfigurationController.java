package io.tandem.server.api;

import io.tandem.server.config.ConfigurationDocument;
import io.tandem.server.config.ConfigurationPlan;
import io.tandem.server.config.DocumentFormats;
import io.tandem.server.config.TenantConfigurations;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * Configuration as code: a tenant's whole configuration as one YAML or JSON document ({@code GET}),
 * and applying one ({@code PUT}): every problem of the document is reported first (400, each with
 * its path), then the tenant becomes exactly the document in one command on its writer, or nothing
 * changes (409 when a removal conflicts with live state). {@code ?dryRun=true} reports the changes
 * without making them.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/configuration")
class ConfigurationController {

  /** The answer to applying a document: whether it was a dry run, and the changes by kind. */
  record Applied(boolean dryRun, Map<String, ConfigurationPlan.Changes> changes) {}

  /**
   * YAML ({@code application/yaml}, the default) or JSON when {@code Accept} asks for JSON only.
   */
  @GetMapping
  ResponseEntity<String> export(
      Actor actor,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
    boolean yaml = accept == null || !accept.contains("json") || DocumentFormats.isYaml(accept);
    ConfigurationDocument document = actor.ask(TenantConfigurations::export);
    return ResponseEntity.ok()
        .contentType(
            yaml ? MediaType.parseMediaType(DocumentFormats.YAML) : MediaType.APPLICATION_JSON)
        .body(DocumentFormats.write(document, yaml));
  }

  /** Applies a YAML (any {@code yaml} content type) or JSON document. */
  @PutMapping
  Applied apply(
      Actor actor,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String type,
      @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
      @RequestBody String body) {
    ConfigurationDocument document;
    try {
      document = DocumentFormats.read(body, type != null && DocumentFormats.isYaml(type));
    } catch (JacksonException e) {
      throw ApiException.invalid(JsonPaths.of(e), JsonPaths.describe(e));
    }
    TenantConfigurations.Wanted wanted = TenantConfigurations.read(document);
    return new Applied(dryRun, actor.ask(t -> TenantConfigurations.apply(t, wanted, dryRun)));
  }
}
