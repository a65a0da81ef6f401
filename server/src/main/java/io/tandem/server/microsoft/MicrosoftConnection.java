package io.tandem.server.microsoft;

import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.RetryPolicy;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.MicrosoftTokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Tandem's connection to one Microsoft 365 tenant as one app registration (the calling bot): the
 * HTTP client, Entra tokens, Graph clients for calls and for presence, the validator of Graph's
 * notification tokens, and where Microsoft reaches Tandem. With the embedded emulator, base URLs
 * and credentials come from the emulator and its world (the world's app is pointed at Tandem's
 * calling webhook once the server's port is known).
 *
 * <p>Threading: thread-safe; the clients block the calling (virtual) thread for their requests.
 */
public final class MicrosoftConnection implements ApplicationListener<WebServerInitializedEvent> {

  /** Where Graph posts call notifications to Tandem, under {@link #publicBaseUrl()}. */
  public static final String CALLING_WEBHOOK_PATH = "/api/microsoft/graph/calls";

  private static final Logger LOG = LoggerFactory.getLogger(MicrosoftConnection.class);
  private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  private final HttpClient http;
  private final Clock clock;
  private final String tenantId;
  private final String clientId;
  private final TenantId tandemTenant;
  private final EntraTokenClient tokens;
  private final GraphClient calls;
  private final GraphClient presence;
  private final MicrosoftTokenValidator graphNotifications;
  private final @Nullable URI configuredPublicBaseUrl;
  private final @Nullable EmbeddedEmulator emulator;
  private volatile @Nullable URI publicBaseUrl;

  private MicrosoftConnection(
      MicrosoftProperties properties,
      Endpoints endpoints,
      HttpClient http,
      Clock clock,
      @Nullable EmbeddedEmulator emulator) {
    this.http = http;
    this.clock = clock;
    this.tenantId = endpoints.tenantId();
    this.clientId = endpoints.clientId();
    this.tandemTenant = new TenantId(properties.tandemTenant());
    this.tokens =
        EntraTokenClient.of(
            new ClientCredentials(
                endpoints.login(), tenantId, clientId, endpoints.clientSecret(), GRAPH_SCOPE),
            http,
            clock);
    this.calls = GraphClient.of(endpoints.graph(), tokens, http);
    RetryPolicy bounded =
        new RetryPolicy(
            RetryPolicy.DEFAULT.attempts(),
            RetryPolicy.DEFAULT.backoff(),
            properties.presence().retryAfterLimit());
    this.presence = new GraphClient(endpoints.graph(), tokens, http, bounded, Thread::sleep);
    this.graphNotifications =
        MicrosoftTokenValidator.forGraphNotifications(endpoints.openid(), clientId, http, clock);
    this.configuredPublicBaseUrl = properties.publicBaseUrl();
    this.publicBaseUrl = properties.publicBaseUrl();
    this.emulator = emulator;
  }

  /** The connection {@code properties} describe, to {@code emulator} when it runs. */
  public static MicrosoftConnection of(
      MicrosoftProperties properties, @Nullable EmbeddedEmulator emulator, Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Endpoints endpoints =
        emulator == null ? Endpoints.of(properties) : Endpoints.of(properties, emulator);
    return new MicrosoftConnection(properties, endpoints, http, clock, emulator);
  }

  public HttpClient http() {
    return http;
  }

  public EntraTokenClient tokens() {
    return tokens;
  }

  /** Graph for calls, with the default retry policy (Retry-After up to 10 s). */
  public GraphClient calls() {
    return calls;
  }

  /** Graph for presence, Retry-After up to {@code tandem.microsoft.presence.retry-after-limit}. */
  public GraphClient presence() {
    return presence;
  }

  /** Validates the Bearer token on Graph's notifications to the calling bot. */
  public MicrosoftTokenValidator graphNotifications() {
    return graphNotifications;
  }

  /**
   * Where Microsoft reaches Tandem: {@code tandem.microsoft.public-base-url}, else {@code
   * http://localhost:<port>} once the web server listens.
   *
   * @throws IllegalStateException when not configured and the web server has not started yet
   */
  public URI publicBaseUrl() {
    URI url = publicBaseUrl;
    if (url == null) {
      throw new IllegalStateException(
          "the public base URL is known once the web server listens; set"
              + " tandem.microsoft.public-base-url to know it earlier");
    }
    return url;
  }

  /** {@link #publicBaseUrl()} followed by {@code path} (which starts with {@code /}). */
  public URI publicUrl(String path) {
    return URI.create(MicrosoftProperties.withoutTrailingSlash(publicBaseUrl()) + path);
  }

  /** The Microsoft tenant id. */
  public String tenantId() {
    return tenantId;
  }

  /** The app registration's id. */
  public String clientId() {
    return clientId;
  }

  /** The Tandem tenant this Microsoft tenant serves. */
  public TenantId tandemTenant() {
    return tandemTenant;
  }

  public Clock clock() {
    return clock;
  }

  /** Learns the server's port; with the emulator, points the app's calling webhook at Tandem. */
  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return; // the management server, if it has a port of its own
    }
    if (configuredPublicBaseUrl == null) {
      publicBaseUrl = URI.create("http://localhost:" + event.getWebServer().getPort());
    }
    if (emulator != null) {
      URI webhook = publicUrl(CALLING_WEBHOOK_PATH);
      emulator.pointCallingWebhook(tenantId, clientId, webhook);
      LOG.info(
          "Emulator at {} plays Microsoft tenant {}; its calling bot {} posts to {}",
          emulator.baseUrl(),
          tenantId,
          clientId,
          webhook);
    }
  }

  /** Base URLs and credentials, from the properties or from the emulator and its world. */
  private record Endpoints(
      URI login, URI graph, URI openid, String tenantId, String clientId, String clientSecret) {

    static Endpoints of(MicrosoftProperties properties) {
      return new Endpoints(
          properties.loginBaseUrl(),
          properties.graphBaseUrl(),
          properties.graphNotificationsOpenidConfiguration(),
          Objects.requireNonNull(properties.tenantId()),
          Objects.requireNonNull(properties.clientId()),
          Objects.requireNonNull(properties.clientSecret()));
    }

    static Endpoints of(MicrosoftProperties properties, EmbeddedEmulator emulator) {
      EmulatedTenant tenant = emulator.tenant(properties.tenantId());
      AppRegistration app = EmbeddedEmulator.app(tenant, properties.clientId());
      String base = MicrosoftProperties.withoutTrailingSlash(emulator.baseUrl());
      return new Endpoints(
          URI.create(base),
          URI.create(base + "/v1.0"),
          URI.create(base + "/aps/v1/.well-known/OpenIdConfiguration"),
          tenant.id(),
          app.appId(),
          app.clientSecret());
    }
  }
}
