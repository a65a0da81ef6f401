package io.tandem.emulator.entra;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entra ID's token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, client credentials with a
 * secret in the form or in HTTP Basic) with its AADSTS errors, the OpenID discovery documents and
 * JWKS of the three signing authorities.
 */
public final class EntraRoutes {

  /** Resources a client-credentials token can be asked for, by {@code scope} prefix. */
  private static final Set<String> RESOURCES =
      Set.of("https://graph.microsoft.com", "https://communication.azure.com");

  private final World world;
  private final AccessTokens tokens;
  private final Authorities authorities;
  private final Scheduler clock;

  public EntraRoutes(World world, AccessTokens tokens, Authorities authorities, Scheduler clock) {
    this.world = world;
    this.tokens = tokens;
    this.authorities = authorities;
    this.clock = clock;
  }

  public void register(HttpRoutes routes) {
    routes
        .add(Channel.ENTRA, "POST", "/{tenant}/oauth2/v2.0/token", this::token)
        .add(
            Channel.ENTRA,
            "GET",
            "/{tenant}/v2.0/.well-known/openid-configuration",
            this::entraDiscovery)
        .add(
            Channel.ENTRA,
            "GET",
            "/{tenant}/discovery/v2.0/keys",
            call -> jwks(authorities.entra()))
        .add(Channel.ENTRA, "GET", "/aps/v1/.well-known/OpenIdConfiguration", this::graphDiscovery)
        .add(Channel.ENTRA, "GET", "/aps/v1/keys", call -> jwks(authorities.graphCallbacks()))
        .add(
            Channel.ENTRA, "GET", "/calling/.well-known/acsopenidconfiguration", this::acsDiscovery)
        .add(Channel.ENTRA, "GET", "/calling/keys", call -> jwks(authorities.acsCallbacks()))
        .add(Channel.CONTROL, "POST", "/emulator/entra/tokens/expire", this::expireTokens);
  }

  /** Control: every access token issued so far expires now (202 with how many). */
  private HttpReply expireTokens(HttpCall call) {
    int count = tokens.expireAll();
    return HttpReply.json(202, Json.object().put("expired", count));
  }

  private HttpReply token(HttpCall call) {
    String tenantName = call.variable("tenant");
    EmulatedTenant tenant =
        world
            .tenant(tenantName)
            .orElseThrow(
                () ->
                    aadsts(
                        400,
                        "invalid_request",
                        90002,
                        "Tenant '"
                            + tenantName
                            + "' not found. Check to make sure you have the"
                            + " correct tenant ID and are signing into the correct cloud."));
    Map<String, String> form = call.form();
    Credentials credentials = Credentials.of(call, form);
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.isEmpty()) {
      throw aadsts(
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'grant_type'.");
    }
    if (!"client_credentials".equals(grantType)) {
      throw aadsts(
          400,
          "unsupported_grant_type",
          70003,
          "The app requested an unsupported grant type '" + grantType + "'.");
    }
    if (credentials.clientId().isEmpty()) {
      throw aadsts(
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'client_id'.");
    }
    AppRegistration app =
        world
            .app(tenant.id(), credentials.clientId())
            .orElseThrow(
                () ->
                    aadsts(
                        400,
                        "unauthorized_client",
                        700016,
                        "Application with identifier '"
                            + credentials.clientId()
                            + "' was not found in the directory '"
                            + tenant.id()
                            + "'."));
    if (credentials.clientSecret().isEmpty()) {
      throw aadsts(
          401,
          "invalid_client",
          7000218,
          "The request body must contain the following parameter: 'client_assertion' or"
              + " 'client_secret'.");
    }
    if (!constantTimeEquals(app.clientSecret(), credentials.clientSecret())) {
      throw aadsts(
          401,
          "invalid_client",
          7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the"
              + " client secret value, not the client secret ID, for a secret added to app '"
              + app.appId()
              + "'.");
    }
    String scope = form.getOrDefault("scope", "").trim();
    if (scope.isEmpty()) {
      throw aadsts(
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'scope'.");
    }
    if (!scope.endsWith("/.default") || scope.contains(" ")) {
      throw aadsts(
          400,
          "invalid_scope",
          1002012,
          "The provided value for scope "
              + scope
              + " is not valid. Client credential flows must"
              + " have a scope value with /.default suffixed to the resource identifier"
              + " (application ID URI).");
    }
    String resource =
        trimTrailingSlashes(scope.substring(0, scope.length() - "/.default".length()));
    if (!RESOURCES.contains(resource)) {
      throw aadsts(
          400,
          "invalid_resource",
          500011,
          "The resource principal named "
              + resource
              + " was not found in the tenant named "
              + tenant.displayName()
              + ".");
    }
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", AccessTokens.LIFETIME.toSeconds());
    body.put("ext_expires_in", AccessTokens.LIFETIME.toSeconds());
    body.put("access_token", tokens.issue(tenant, app, resource));
    return HttpReply.json(200, body).withHeader("Cache-Control", "no-store, no-cache");
  }

  private HttpProblem aadsts(int status, String error, int code, String description) {
    String traceId = UUID.randomUUID().toString();
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put(
        "error_description",
        "AADSTS"
            + code
            + ": "
            + description
            + " Trace ID: "
            + traceId
            + " Timestamp: "
            + clock.now());
    body.putArray("error_codes").add(code);
    body.put("timestamp", clock.now().toString());
    body.put("trace_id", traceId);
    body.put("correlation_id", UUID.randomUUID().toString());
    return new HttpProblem(HttpReply.json(status, body));
  }

  private HttpReply entraDiscovery(HttpCall call) {
    String base = baseUrl(call);
    String tenant = call.variable("tenant");
    String tenantId = world.tenant(tenant).map(EmulatedTenant::id).orElse(tenant);
    ObjectNode document = Json.object();
    document.put("token_endpoint", base + "/" + tenantId + "/oauth2/v2.0/token");
    document
        .putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_post")
        .add("private_key_jwt")
        .add("client_secret_basic");
    document.put("jwks_uri", base + "/" + tenantId + "/discovery/v2.0/keys");
    document.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    document.putArray("subject_types_supported").add("pairwise");
    document.putArray("id_token_signing_alg_values_supported").add("RS256");
    document.putArray("response_types_supported").add("code").add("id_token").add("code id_token");
    document.putArray("scope_values_supported").add("openid").add("profile").add("email");
    document.put("issuer", "https://login.microsoftonline.com/" + tenantId + "/v2.0");
    document.put("authorization_endpoint", base + "/" + tenantId + "/oauth2/v2.0/authorize");
    document.put("tenant_region_scope", "EU");
    document.put("cloud_instance_name", "microsoftonline.com");
    return HttpReply.json(200, document);
  }

  private HttpReply graphDiscovery(HttpCall call) {
    ObjectNode document = Json.object();
    document.put("issuer", Authorities.GRAPH_CALLBACK_ISSUER);
    document.put("jwks_uri", baseUrl(call) + "/aps/v1/keys");
    document.putArray("id_token_signing_alg_values_supported").add("RS256");
    document.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
    return HttpReply.json(200, document);
  }

  private HttpReply acsDiscovery(HttpCall call) {
    ObjectNode document = Json.object();
    document.put("issuer", Authorities.ACS_CALLBACK_ISSUER);
    document.put("jwks_uri", baseUrl(call) + "/calling/keys");
    document.putArray("id_token_signing_alg_values_supported").add("RS256");
    return HttpReply.json(200, document);
  }

  private static HttpReply jwks(SigningKey key) {
    ObjectNode document = Json.object();
    key.toJwk(document.putArray("keys").addObject());
    return HttpReply.json(200, document);
  }

  /** The emulator's own base URL as the client reached it (scheme and Host header). */
  public static String baseUrl(HttpCall call) {
    return (call.secure() ? "https://" : "http://") + call.header("host").orElse("127.0.0.1");
  }

  private static String trimTrailingSlashes(String resource) {
    String trimmed = resource;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return java.security.MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /** Client id and secret from the form, or from HTTP Basic authentication. */
  private record Credentials(String clientId, String clientSecret) {
    static Credentials of(HttpCall call, Map<String, String> form) {
      String id = form.getOrDefault("client_id", "");
      String secret = form.getOrDefault("client_secret", "");
      var basic =
          call.header("authorization").filter(v -> v.regionMatches(true, 0, "Basic ", 0, 6));
      if (basic.isPresent()) {
        String decoded;
        try {
          decoded =
              new String(
                  Base64.getDecoder().decode(basic.get().substring(6).trim()),
                  StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
          decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          id = id.isEmpty() ? HttpCallForms.decode(decoded.substring(0, colon)) : id;
          secret = HttpCallForms.decode(decoded.substring(colon + 1));
        }
      }
      return new Credentials(id, secret);
    }
  }

  /** Basic-auth credentials are form-encoded (RFC 6749 §2.3.1). */
  private static final class HttpCallForms {
    static String decode(String value) {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
  }
}
