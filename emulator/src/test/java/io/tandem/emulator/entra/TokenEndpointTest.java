package io.tandem.emulator.entra;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
import static io.tandem.emulator.EmulatorFixture.BOT_SECRET;
import static io.tandem.emulator.EmulatorFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client-credentials token endpoint over real HTTP, its AADSTS refusals, discovery and JWKS.
 */
class TokenEndpointTest {

  private static EmulatorFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new EmulatorFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static HttpResponse<String> token(String form) throws Exception {
    return fixture.send(
        "POST", "/" + TENANT + "/oauth2/v2.0/token", "application/x-www-form-urlencoded", form);
  }

  private static String validForm() {
    return "grant_type=client_credentials&client_id="
        + BOT_APP
        + "&client_secret="
        + BOT_SECRET
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
  }

  @Test
  void clientCredentials_issueGraphTokenWithTheAppsRoles_verifiableWithThePublishedJwks()
      throws Exception {
    HttpResponse<String> response = token(validForm());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asInt()).isEqualTo(3599);
    String accessToken = body.path("access_token").asString();

    Jwt.Parsed parsed = Jwt.parse(accessToken);
    assertThat(parsed.claims().path("aud").asString()).isEqualTo("https://graph.microsoft.com");
    assertThat(parsed.claims().path("iss").asString())
        .isEqualTo("https://sts.windows.net/" + TENANT + "/");
    assertThat(parsed.claims().path("tid").asString()).isEqualTo(TENANT);
    assertThat(parsed.claims().path("appid").asString()).isEqualTo(BOT_APP);
    assertThat(parsed.claims().path("roles").toString()).contains("Calls.Initiate.All");

    JsonNode discovery =
        Json.parse(fixture.get("/" + TENANT + "/v2.0/.well-known/openid-configuration").body());
    String jwksUri = discovery.path("jwks_uri").asString();
    String jwksPath = jwksUri.substring(jwksUri.indexOf('/', "http://".length()));
    JsonNode key = Json.parse(fixture.get(jwksPath).body()).path("keys").get(0);
    assertThat(key.path("kid").asString()).isEqualTo(parsed.header().path("kid").asString());
    assertThat(parsed.signedBy(publicKey(key))).isTrue();

    AccessToken verified =
        fixture.emulator.accessTokens().verify(accessToken, "https://graph.microsoft.com/");
    assertThat(verified.tenantId()).isEqualTo(TENANT);
    assertThat(verified.hasRole("Presence.Read.All")).isTrue();
  }

  @Test
  void basicAuthentication_isAcceptedInsteadOfFormSecret() throws Exception {
    String basic = Base64.getEncoder().encodeToString((BOT_APP + ":" + BOT_SECRET).getBytes());
    HttpResponse<String> response =
        fixture.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        fixture.emulator.httpBaseUrl() + "/" + TENANT + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=https://communication.azure.com//.default"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    String accessToken = Json.parse(response.body()).path("access_token").asString();
    assertThat(Jwt.parse(accessToken).claims().path("aud").asString())
        .isEqualTo("https://communication.azure.com");
  }

  @Test
  void refusals_carryEntrasErrorCodes() throws Exception {
    assertRefused(
        fixture.send(
            "POST",
            "/unknown-tenant/oauth2/v2.0/token",
            "application/x-www-form-urlencoded",
            validForm()),
        400,
        "invalid_request",
        90002);
    assertRefused(token(validForm().replace(BOT_SECRET, "wrong")), 401, "invalid_client", 7000215);
    assertRefused(
        token(validForm().replace(BOT_APP, "00000000-0000-0000-0000-000000000000")),
        400,
        "unauthorized_client",
        700016);
    assertRefused(
        token(validForm().replace("client_credentials", "password")),
        400,
        "unsupported_grant_type",
        70003);
    assertRefused(
        token(validForm().replace("%2F.default", "%2FCalls.Initiate.All")),
        400,
        "invalid_scope",
        1002012);
    assertRefused(
        token(validForm().replace("graph.microsoft.com", "example.com")),
        400,
        "invalid_resource",
        500011);
    assertRefused(token(validForm().replaceAll("&scope=.*", "")), 400, "invalid_request", 900144);
  }

  @Test
  void verify_refusesForgedExpiredAndMisaddressedTokens() throws Exception {
    String accessToken = Json.parse(token(validForm()).body()).path("access_token").asString();
    AccessTokens tokens = fixture.emulator.accessTokens();

    assertThatThrownBy(() -> tokens.verify(accessToken, "https://communication.azure.com"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("audience");
    String[] parts = accessToken.split("\\.");
    String forged =
        parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
    assertThatThrownBy(() -> tokens.verify(forged, "https://graph.microsoft.com"))
        .hasMessageContaining("signature");
    assertThatThrownBy(() -> tokens.verify("not-a-jwt", "https://graph.microsoft.com"))
        .hasMessageContaining("malformed");

    fixture.clock.advance(Duration.ofMinutes(66));
    assertThatThrownBy(() -> tokens.verify(accessToken, "https://graph.microsoft.com"))
        .hasMessageContaining("expired");
  }

  @Test
  void expireControl_endsEveryTokenIssuedSoFar_newTokensAreGood() throws Exception {
    String before = Json.parse(token(validForm()).body()).path("access_token").asString();
    AccessTokens tokens = fixture.emulator.accessTokens();
    tokens.verify(before, "https://graph.microsoft.com");

    HttpResponse<String> expired =
        fixture.send("POST", "/emulator/entra/tokens/expire", "application/json", "");

    assertThat(expired.statusCode()).isEqualTo(202);
    assertThat(Json.parse(expired.body()).path("expired").asInt()).isPositive();
    assertThatThrownBy(() -> tokens.verify(before, "https://graph.microsoft.com"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("expired");
    String after = Json.parse(token(validForm()).body()).path("access_token").asString();
    assertThat(tokens.verify(after, "https://graph.microsoft.com").tenantId()).isEqualTo(TENANT);
  }

  @Test
  void callbackAuthorities_publishTheirOwnKeys() throws Exception {
    JsonNode graph = Json.parse(fixture.get("/aps/v1/.well-known/OpenIdConfiguration").body());
    JsonNode acs = Json.parse(fixture.get("/calling/.well-known/acsopenidconfiguration").body());
    assertThat(graph.path("issuer").asString()).isEqualTo("https://graph.microsoft.com");
    assertThat(acs.path("issuer").asString())
        .isEqualTo("https://acscallautomation.communication.azure.com");

    String graphKid = Json.parse(fixture.get("/aps/v1/keys").body()).at("/keys/0/kid").asString();
    String acsKid = Json.parse(fixture.get("/calling/keys").body()).at("/keys/0/kid").asString();
    assertThat(graphKid).isNotEqualTo(acsKid);

    String token =
        CallbackTokens.graph(fixture.emulator.authorities(), fixture.clock).issue(BOT_APP, TENANT);
    Jwt.Parsed parsed = Jwt.parse(token);
    assertThat(parsed.header().path("kid").asString()).isEqualTo(graphKid);
    assertThat(parsed.claims().path("aud").asString()).isEqualTo(BOT_APP);
    assertThat(parsed.claims().path("tid").asString()).isEqualTo(TENANT);
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String error, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("error").asString()).isEqualTo(error);
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(code);
    assertThat(body.path("error_description").asString()).startsWith("AADSTS" + code + ":");
  }

  private static RSAPublicKey publicKey(JsonNode jwk) throws Exception {
    Base64.Decoder url = Base64.getUrlDecoder();
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, url.decode(jwk.path("n").asString())),
                    new BigInteger(1, url.decode(jwk.path("e").asString()))));
  }
}
