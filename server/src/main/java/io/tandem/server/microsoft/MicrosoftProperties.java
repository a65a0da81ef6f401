package io.tandem.server.microsoft;

import io.tandem.core.tenant.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.microsoft.*} configuration keys: how Tandem reaches one Microsoft 365 tenant
 * (Entra, Graph, the signing keys of Graph's notifications), where Microsoft reaches Tandem, and
 * the Teams presence feed. Each key is documented, with its default, in {@code server/README.md}. A
 * configuration that cannot work stops the start with every problem at once.
 *
 * @param enabled whether Tandem connects to Microsoft at all
 * @param loginBaseUrl the Entra authority base
 * @param graphBaseUrl Graph's versioned base URL
 * @param graphNotificationsOpenidConfiguration the discovery document of the keys that sign Graph's
 *     notifications to the calling bot
 * @param tenantId the Microsoft tenant (Entra directory id or a verified domain)
 * @param clientId the app registration's id (the calling bot's app id)
 * @param clientSecret the app registration's client secret
 * @param publicBaseUrl where Microsoft reaches Tandem's webhooks; null for {@code
 *     http://localhost:<the server's port>}
 * @param tandemTenant the Tandem tenant this Microsoft tenant serves
 * @param presence the Teams presence feed
 * @param emulator the in-process emulator that plays Microsoft
 */
@ConfigurationProperties("tandem.microsoft")
public record MicrosoftProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("https://login.microsoftonline.com") URI loginBaseUrl,
    @DefaultValue("https://graph.microsoft.com/v1.0") URI graphBaseUrl,
    @DefaultValue("https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration")
        URI graphNotificationsOpenidConfiguration,
    @Nullable String tenantId,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable URI publicBaseUrl,
    @DefaultValue("demo") String tandemTenant,
    @DefaultValue Presence presence,
    @DefaultValue Emulator emulator) {

  private static final String PREFIX = "tandem.microsoft.";

  /**
   * The {@code tandem.microsoft.presence.*} keys.
   *
   * @param retryAfterLimit the longest {@code Retry-After} a presence request waits out; a longer
   *     one fails the request (the feed reads again at its next poll)
   * @param silenceWindow polling starts when no notification came for this long
   * @param pollInterval how often everyone is re-read while notifications are silent, and the wait
   *     before a failed read is tried again
   * @param renewalLead how long before its expiry a subscription is renewed
   * @param subscriptionRetryDelay the wait before a failed subscription create or renewal is tried
   *     again
   */
  public record Presence(
      @DefaultValue("60s") Duration retryAfterLimit,
      @DefaultValue("2m") Duration silenceWindow,
      @DefaultValue("30s") Duration pollInterval,
      @DefaultValue("10m") Duration renewalLead,
      @DefaultValue("1m") Duration subscriptionRetryDelay) {}

  /**
   * The {@code tandem.microsoft.emulator.*} keys.
   *
   * @param enabled runs the emulator in-process and connects to it instead of Microsoft
   * @param world the world file (any Spring resource location)
   * @param httpPort the emulator's HTTP port on loopback; 0 for any free port
   */
  public record Emulator(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("classpath:demo/emulator-world.yaml") String world,
      @DefaultValue("0") int httpPort) {}

  public MicrosoftProperties {
    List<String> problems = new ArrayList<>();
    if (enabled) {
      check(problems, loginBaseUrl, graphBaseUrl, graphNotificationsOpenidConfiguration);
      if (!emulator.enabled()) {
        required(problems, "tenant-id", tenantId);
        required(problems, "client-id", clientId);
        required(problems, "client-secret", clientSecret);
      }
      if (publicBaseUrl != null) {
        requireHttp(problems, "public-base-url", publicBaseUrl);
        if (publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
          problems.add(PREFIX + "public-base-url must have no query or fragment: " + publicBaseUrl);
        }
      }
      try {
        new TenantId(tandemTenant);
      } catch (IllegalArgumentException e) {
        problems.add(PREFIX + "tandem-tenant is not a tenant id: " + e.getMessage());
      }
      check(problems, presence);
    }
    if (emulator.httpPort() < 0 || emulator.httpPort() > 65535) {
      problems.add(PREFIX + "emulator.http-port must be 0-65535, not " + emulator.httpPort());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid Microsoft connection ("
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "):\n  "
              + String.join("\n  ", problems));
    }
  }

  private static void check(List<String> problems, URI login, URI graph, URI openid) {
    requireHttp(problems, "login-base-url", login);
    requireHttp(problems, "graph-base-url", graph);
    requireHttp(problems, "graph-notifications-openid-configuration", openid);
  }

  private static void check(List<String> problems, Presence presence) {
    positive(problems, "presence.silence-window", presence.silenceWindow());
    positive(problems, "presence.poll-interval", presence.pollInterval());
    positive(problems, "presence.subscription-retry-delay", presence.subscriptionRetryDelay());
    if (presence.retryAfterLimit().isNegative()) {
      problems.add(
          PREFIX
              + "presence.retry-after-limit must not be negative: "
              + presence.retryAfterLimit());
    }
    if (presence.renewalLead().isNegative()
        || presence.renewalLead().compareTo(Duration.ofMinutes(59)) >= 0) {
      problems.add(
          PREFIX
              + "presence.renewal-lead must be 0-59m (a subscription lives 60 minutes at most): "
              + presence.renewalLead());
    }
  }

  private static void required(List<String> problems, String key, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problems.add(
          PREFIX
              + key
              + " is required when tandem.microsoft.enabled=true (or run the emulator:"
              + " tandem.microsoft.emulator.enabled=true)");
    }
  }

  private static void requireHttp(List<String> problems, String key, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
      problems.add(PREFIX + key + " must be an absolute http(s) URL, not '" + url + "'");
    }
  }

  private static void positive(List<String> problems, String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      problems.add(PREFIX + key + " must be positive, not " + value);
    }
  }

  /** {@code url} without a trailing slash, so that paths can be appended. */
  static String withoutTrailingSlash(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
