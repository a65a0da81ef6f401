package io.tandem.server.agentapp;

import io.tandem.core.agent.AgentId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRecord;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.wallboard.HtmlTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The agent app's page, {@code /tenants/{tenant}/agents/{agent}/app}: static HTML with tenant and
 * agent filled in, made live by {@code /assets/agent-app.js}. It may be framed by Microsoft Teams
 * (it is a Teams tab), and only by Teams and this server ({@link #FRAME_ANCESTORS}). An unknown
 * tenant or agent gets a 404 page.
 */
@Controller
class AgentAppController {

  /** The Content-Security-Policy of the page: who may show it in a frame. */
  static final String FRAME_ANCESTORS =
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com"
          + " https://*.cloud.microsoft";

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final TenantDirectory directory;
  private final TenantRegistry tenants;
  private final HtmlTemplate page = HtmlTemplate.load("templates/agent-app.html");
  private final HtmlTemplate unknown = HtmlTemplate.load("templates/agent-app-unknown.html");

  AgentAppController(TenantDirectory directory, TenantRegistry tenants) {
    this.directory = directory;
    this.tenants = tenants;
  }

  @GetMapping("/tenants/{tenant}/agents/{agent}/app")
  ResponseEntity<String> app(@PathVariable String tenant, @PathVariable String agent) {
    TenantRecord record = tenant(tenant);
    String name = record == null ? null : agentName(record.id(), agent);
    if (record == null || name == null) {
      String what =
          record == null
              ? "There is no tenant “" + tenant + "”."
              : "Tenant “" + record.name() + "” has no agent “" + agent + "”.";
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .header("Content-Security-Policy", FRAME_ANCESTORS)
          .body(unknown.render(Map.of("what", what)));
    }
    return ResponseEntity.ok()
        .contentType(HTML)
        .header("Content-Security-Policy", FRAME_ANCESTORS)
        .header("Cache-Control", "no-store")
        .body(
            page.render(
                Map.of(
                    "tenant",
                    record.id().value(),
                    "tenantName",
                    record.name(),
                    "agent",
                    agent,
                    "agentName",
                    name)));
  }

  private @Nullable TenantRecord tenant(String tenant) {
    try {
      return directory.find(new TenantId(tenant));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private @Nullable String agentName(TenantId tenant, String agent) {
    AgentId id;
    try {
      id = new AgentId(agent);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return tenants
        .tenant(tenant)
        .ask(
            t -> {
              Agent found = t.state().agent(id);
              return found == null ? null : found.profile().name();
            })
        .join();
  }
}
