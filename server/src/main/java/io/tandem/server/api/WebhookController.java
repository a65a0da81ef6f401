package io.tandem.server.api;

import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.webhook.DeliveryLog;
import io.tandem.server.webhook.EventTypeFilter;
import io.tandem.server.webhook.Webhook;
import io.tandem.server.webhook.WebhookDispatchers;
import io.tandem.server.webhook.WebhookId;
import io.tandem.server.webhook.WebhookSecret;
import io.tandem.server.webhook.WebhookStatus;
import io.tandem.server.webhook.WebhookUrl;
import io.tandem.server.webhook.Webhooks;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's outbound webhooks: create, list, read, replace, delete; each one's delivery log; and
 * redelivery from an event on. The secret is shown whole only in the answer to its creation.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/webhooks")
class WebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

  /** The most delivery attempts one request lists. */
  static final int MAX_DELIVERIES = 1000;

  /** The body of {@code POST} and {@code PUT}; see docs/webhooks.md for each field. */
  record WebhookBody(
      @Nullable String url,
      @Nullable List<String> eventTypes,
      @Nullable String secret,
      @Nullable Boolean enabled) {}

  private final Webhooks webhooks;
  private final DeliveryLog deliveries;
  private final WebhookDispatchers dispatchers;
  private final EventCodec codec;
  private final EventHistory history;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebhookController(
      Webhooks webhooks,
      DeliveryLog deliveries,
      WebhookDispatchers dispatchers,
      EventCodec codec,
      EventHistory history,
      Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.dispatchers = dispatchers;
    this.codec = codec;
    this.history = history;
    this.clock = clock;
  }

  /** Creates a webhook that delivers the tenant's events from now on; 201 with its secret. */
  @PostMapping
  ResponseEntity<WebhookResource> create(Actor actor, @RequestBody WebhookBody body) {
    WebhookSecret secret =
        body.secret() == null ? WebhookSecret.generate(random) : secret(body.secret());
    boolean enabled = body.enabled() == null || body.enabled();
    Webhook webhook =
        new Webhook(
            WebhookId.random(random),
            actor.tenantId(),
            url(body.url()),
            secret,
            filter(body.eventTypes()),
            enabled ? WebhookStatus.ACTIVE : WebhookStatus.PAUSED,
            null,
            history.lastSeq(actor.tenantId()),
            actor.principal(),
            clock.instant());
    webhooks.create(webhook);
    dispatchers.changed(webhook.id(), webhook.tenant());
    LOG.info(
        "{} created webhook {} of tenant {} to {}",
        actor.principal(),
        webhook.id(),
        actor.tenantId(),
        webhook.url());
    return ResponseEntity.created(
            URI.create("/api/v1/tenants/" + actor.tenantId() + "/webhooks/" + webhook.id()))
        .body(WebhookResource.of(webhook, true));
  }

  @GetMapping
  List<WebhookResource> list(Actor actor) {
    return webhooks.of(actor.tenantId()).stream()
        .map(webhook -> WebhookResource.of(webhook, false))
        .toList();
  }

  @GetMapping("/{id}")
  WebhookResource get(Actor actor, @PathVariable("id") String id) {
    return WebhookResource.of(find(actor, id), false);
  }

  /**
   * Replaces the URL and event types; {@code secret} and {@code enabled} are kept when left out.
   * Enabling a FAILED webhook retries the event it gave up on.
   */
  @PutMapping("/{id}")
  WebhookResource replace(
      Actor actor, @PathVariable("id") String id, @RequestBody WebhookBody body) {
    Webhook current = find(actor, id);
    WebhookUrl url = url(body.url());
    EventTypeFilter filter = filter(body.eventTypes());
    WebhookSecret secret = body.secret() == null ? current.secret() : secret(body.secret());
    WebhookStatus status = current.status();
    if (body.enabled() != null && body.enabled() && status != WebhookStatus.ACTIVE) {
      status = status.resume();
    } else if (body.enabled() != null && !body.enabled() && status != WebhookStatus.PAUSED) {
      status = status.pause();
    }
    Webhook replaced = current.reconfigured(url, secret, filter, status);
    if (!webhooks.update(replaced)) {
      throw notFound(id);
    }
    dispatchers.changed(replaced.id(), replaced.tenant());
    LOG.info(
        "{} changed webhook {} of tenant {}: {} to {}",
        actor.principal(),
        replaced.id(),
        actor.tenantId(),
        replaced.status(),
        replaced.url());
    return WebhookResource.of(replaced, false);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("id") String id) {
    WebhookId webhook = parseId(id);
    if (!webhooks.delete(actor.tenantId(), webhook)) {
      throw notFound(id);
    }
    dispatchers.changed(webhook, actor.tenantId());
    LOG.info("{} deleted webhook {} of tenant {}", actor.principal(), id, actor.tenantId());
    return ResponseEntity.noContent().build();
  }

  /** The webhook's newest delivery attempts, newest first. */
  @GetMapping("/{id}/deliveries")
  List<DeliveryResource> deliveries(
      Actor actor,
      @PathVariable("id") String id,
      @RequestParam(name = "limit", defaultValue = "100") int limit) {
    Webhook webhook = find(actor, id);
    if (limit < 1 || limit > MAX_DELIVERIES) {
      throw ApiException.invalid("limit", "'limit' is 1-" + MAX_DELIVERIES + ", not " + limit);
    }
    return deliveries.recent(webhook.id(), limit).stream()
        .map(attempt -> DeliveryResource.of(actor.tenantId(), attempt))
        .toList();
  }

  /**
   * Moves the webhook's cursor so that it delivers (again) every event from {@code from} on; 202.
   * It does not enable a paused or failed webhook.
   */
  @PostMapping("/{id}/redeliver")
  ResponseEntity<WebhookResource> redeliver(
      Actor actor, @PathVariable("id") String id, @RequestParam("from") long from) {
    Webhook webhook = find(actor, id);
    long last = history.lastSeq(actor.tenantId());
    if (from < 1 || from > last + 1) {
      throw ApiException.invalid(
          "from", "'from' is an event of the tenant, 1-" + (last + 1) + ", not " + from);
    }
    if (!webhooks.rewind(actor.tenantId(), webhook.id(), from - 1)) {
      throw notFound(id);
    }
    dispatchers.changed(webhook.id(), webhook.tenant());
    LOG.info(
        "{} redelivers webhook {} of tenant {} from event {}",
        actor.principal(),
        id,
        actor.tenantId(),
        from);
    return ResponseEntity.accepted().body(WebhookResource.of(find(actor, id), false));
  }

  private Webhook find(Actor actor, String id) {
    Webhook webhook = webhooks.find(actor.tenantId(), parseId(id));
    if (webhook == null) {
      throw notFound(id);
    }
    return webhook;
  }

  private static WebhookId parseId(String id) {
    try {
      return new WebhookId(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("no webhook '" + id + "'");
  }

  private static WebhookUrl url(@Nullable String url) {
    if (url == null) {
      throw ApiException.invalid("url", "'url' is required");
    }
    try {
      return WebhookUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("url", e.getMessage());
    }
  }

  private static WebhookSecret secret(String secret) {
    try {
      return new WebhookSecret(secret);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("secret", e.getMessage());
    }
  }

  private EventTypeFilter filter(@Nullable List<String> patterns) {
    if (patterns == null) {
      return EventTypeFilter.ALL;
    }
    try {
      return EventTypeFilter.parse(patterns, codec.typeNames());
    } catch (EventTypeFilter.InvalidPattern e) {
      throw ApiException.invalid("eventTypes[" + e.index() + "]", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("eventTypes", e.getMessage());
    }
  }
}
