package io.tandem.server.wallboard;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * The wallboard pages: {@code /} redirects to the default tenant's wallboard ({@code
 * tandem.wallboard.default-tenant}), {@code /wallboard/{tenant}} is a tenant's wallboard, and an
 * unknown tenant gets a 404 page. The page is static HTML with the tenant filled in; {@code
 * /assets/wallboard.js} makes it live.
 */
@Controller
class WallboardController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final TenantDirectory directory;
  private final String defaultTenant;
  private final HtmlTemplate wallboard = HtmlTemplate.load("templates/wallboard.html");
  private final HtmlTemplate unknownTenant = HtmlTemplate.load("templates/unknown-tenant.html");

  WallboardController(
      TenantDirectory directory,
      @Value("${tandem.wallboard.default-tenant:demo}") String defaultTenant) {
    this.directory = directory;
    this.defaultTenant = defaultTenant;
  }

  @GetMapping("/")
  ResponseEntity<Void> home() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create("/wallboard/" + UriUtils.encodePathSegment(defaultTenant, "UTF-8")))
        .build();
  }

  @GetMapping("/wallboard/{tenant}")
  ResponseEntity<String> wallboard(@PathVariable String tenant) {
    TenantRecord record = find(tenant);
    if (record == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .body(unknownTenant.render(Map.of("tenant", tenant)));
    }
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(wallboard.render(Map.of("tenant", record.id().value(), "name", record.name())));
  }

  private @Nullable TenantRecord find(String tenant) {
    try {
      return directory.find(new TenantId(tenant));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
