package io.tandem.server.api;

import io.tandem.core.agent.AgentState;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRecord;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tenants: list, read, create or rename ({@code PUT}), delete. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

  private static final Logger LOG = LoggerFactory.getLogger(TenantController.class);

  /** A tenant as the API shows it. */
  record TenantResource(String id, String name, Instant createdAt) {
    static TenantResource of(TenantRecord tenant) {
      return new TenantResource(tenant.id().value(), tenant.name(), tenant.createdAt());
    }
  }

  /** The body of {@code PUT /api/v1/tenants/{tenant}}. */
  record TenantBody(@Nullable String name) {}

  private final TenantDirectory directory;
  private final TenantRegistry tenants;
  private final EventLog eventLog;
  private final LiveStatistics statistics;

  TenantController(
      TenantDirectory directory,
      TenantRegistry tenants,
      EventLog eventLog,
      LiveStatistics statistics) {
    this.statistics = statistics;
    this.directory = directory;
    this.tenants = tenants;
    this.eventLog = eventLog;
  }

  @GetMapping
  List<TenantResource> list() {
    return directory.all().stream().map(TenantResource::of).toList();
  }

  @GetMapping("/{tenant}")
  TenantResource get(Actor actor) {
    TenantRecord tenant = directory.find(actor.tenantId());
    if (tenant == null) {
      throw ApiException.notFound("no tenant '" + actor.tenantId() + "'");
    }
    return TenantResource.of(tenant);
  }

  /** Creates the tenant (201) or renames it (200). */
  @PutMapping("/{tenant}")
  ResponseEntity<TenantResource> put(
      @PathVariable("tenant") String id,
      @RequestBody TenantBody body,
      @RequestHeader(name = ActorResolver.PRINCIPAL_HEADER, required = false)
          @Nullable String principal) {
    TenantId tenant = Ids.parse("tenant", id, TenantId::new);
    if (body.name() == null) {
      throw ApiException.invalid("name", "'name' is required");
    }
    try {
      TenantDirectory.requireValidName(body.name());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("name", e.getMessage());
    }
    boolean created = directory.save(tenant, body.name());
    LOG.info("{} {} tenant {}", principalOf(principal), created ? "created" : "renamed", tenant);
    TenantRecord saved = directory.find(tenant);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(TenantResource.of(saved));
  }

  /**
   * Deletes the tenant with its configuration and history; 409 while an agent is logged in or an
   * interaction is live.
   */
  @DeleteMapping("/{tenant}")
  ResponseEntity<Void> delete(Actor actor) {
    actor.tell(
        tenant -> {
          boolean busy =
              !tenant.state().interactions().isEmpty()
                  || tenant.state().agents().stream()
                      .anyMatch(agent -> agent.state() != AgentState.OFFLINE);
          if (busy) {
            throw ApiException.conflict(
                "tenant '"
                    + tenant.id()
                    + "' has logged-in agents or live interactions; log them out and let the"
                    + " interactions end first");
          }
        });
    eventLog.delete(actor.tenantId());
    directory.delete(actor.tenantId());
    tenants.forget(actor.tenantId());
    statistics.forget(actor.tenantId());
    LOG.info("{} deleted tenant {}", actor.principal(), actor.tenantId());
    return ResponseEntity.noContent().build();
  }

  private static String principalOf(@Nullable String header) {
    return header == null || header.isBlank() ? ActorResolver.ANONYMOUS : header.strip();
  }
}
