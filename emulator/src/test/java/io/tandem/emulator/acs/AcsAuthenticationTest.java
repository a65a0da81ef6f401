package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Request authentication over real HTTP: HMAC as the SDKs sign, Entra bearer tokens, rejects. */
class AcsAuthenticationTest {

  static final String KEY = "dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  static final String OTHER_KEY = "b3RoZXIta2V5LW5vdC1jb25maWd1cmVkLWFueXdoZXJl";
  private static final String UNKNOWN_CALL = "/calling/callConnections/no-such-call";

  private static EmulatorFixture fixture;
  private static AcsClient client;

  @BeforeAll
  static void start() throws Exception {
    fixture = new EmulatorFixture();
    client = new AcsClient(fixture.emulator.httpBaseUrl(), KEY, fixture.clock::now);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void signedRequest_isAuthenticated_andReachesTheHandler() throws Exception {
    HttpResponse<String> response = client.get(UNKNOWN_CALL);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).path("code").asString()).isEqualTo("NotFound");
  }

  @Test
  void wrongKey_is401InAcsErrorShape() throws Exception {
    AcsClient stranger =
        new AcsClient(fixture.emulator.httpBaseUrl(), OTHER_KEY, fixture.clock::now);

    HttpResponse<String> response = stranger.get(UNKNOWN_CALL);

    assertUnauthorized(response, "matches no ACS resource");
  }

  @Test
  void missingAuthorization_is401() throws Exception {
    assertUnauthorized(
        client.raw("GET", UNKNOWN_CALL + "?" + AcsClient.VERSION, ""), "no Authorization");
  }

  @Test
  void unknownScheme_is401() throws Exception {
    assertUnauthorized(
        client.raw("GET", UNKNOWN_CALL + "?" + AcsClient.VERSION, "", "Authorization", "Basic abc"),
        "scheme");
  }

  @Test
  void otherSignedHeaders_is401() throws Exception {
    assertUnauthorized(
        signedWith("x-ms-date;host", date(), HmacSignature.contentHash(new byte[0])),
        "SignedHeaders");
  }

  @Test
  void missingDate_is401() throws Exception {
    String hash = HmacSignature.contentHash(new byte[0]);
    HttpResponse<String> response =
        client.raw(
            "GET",
            UNKNOWN_CALL + "?" + AcsClient.VERSION,
            "",
            "x-ms-content-sha256",
            hash,
            "Authorization",
            HmacSignature.authorization("AAAA"));
    assertUnauthorized(response, "x-ms-date");
  }

  @Test
  void dateSkewedMoreThan15Minutes_is401() throws Exception {
    String stale = HmacSignature.date(fixture.clock.now().minus(Duration.ofMinutes(16)));
    assertUnauthorized(
        signedWith(HmacSignature.SIGNED_HEADERS, stale, HmacSignature.contentHash(new byte[0])),
        "more than 15 minutes");
  }

  @Test
  void dateWithin15Minutes_isAccepted() throws Exception {
    String early = HmacSignature.date(fixture.clock.now().minus(Duration.ofMinutes(14)));
    HttpResponse<String> response =
        signedWith(HmacSignature.SIGNED_HEADERS, early, HmacSignature.contentHash(new byte[0]));
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void contentHashNotMatchingTheBody_is401() throws Exception {
    String path = "/calling/callConnections?" + AcsClient.VERSION;
    String hashOfOtherBody = HmacSignature.contentHash("{}".getBytes());
    String date = date();
    String signature =
        HmacSignature.sign(
            KEY, HmacSignature.stringToSign("POST", path, date, "127.0.0.1", hashOfOtherBody));
    HttpResponse<String> response =
        client.raw(
            "POST",
            path,
            "{\"targets\":[]}",
            "x-ms-date",
            date,
            "x-ms-content-sha256",
            hashOfOtherBody,
            "Authorization",
            HmacSignature.authorization(signature));
    assertUnauthorized(response, "x-ms-content-sha256");
  }

  @Test
  void hostSignedWithItsPort_is401() throws Exception {
    String path = UNKNOWN_CALL + "?" + AcsClient.VERSION;
    String hash = HmacSignature.contentHash(new byte[0]);
    String date = date();
    String hostWithPort = URI.create(fixture.emulator.httpBaseUrl()).getAuthority();
    String signature =
        HmacSignature.sign(KEY, HmacSignature.stringToSign("GET", path, date, hostWithPort, hash));
    HttpResponse<String> response =
        client.raw(
            "GET",
            path,
            "",
            "x-ms-date",
            date,
            "x-ms-content-sha256",
            hash,
            "Authorization",
            HmacSignature.authorization(signature));
    assertUnauthorized(response, "matches no ACS resource");
  }

  @Test
  void missingApiVersion_is400() throws Exception {
    HttpResponse<String> response = client.send("GET", UNKNOWN_CALL, "");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).path("code").asString()).isEqualTo("ApiVersionUnspecified");
  }

  @Test
  void unsupportedApiVersion_is400() throws Exception {
    HttpResponse<String> response =
        client.send("GET", UNKNOWN_CALL + "?api-version=2021-01-01", "");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).path("code").asString()).isEqualTo("UnsupportedApiVersion");
  }

  @Test
  void entraBearerWithXmsHost_isAuthenticated() throws Exception {
    String token = acsToken();
    HttpResponse<String> response =
        client.raw(
            "GET",
            UNKNOWN_CALL + "?" + AcsClient.VERSION,
            "",
            "Authorization",
            "Bearer " + token,
            "x-ms-host",
            "contoso-acs.communication.azure.com");
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void entraBearerForAnotherAudience_is401() throws Exception {
    EmulatedTenant tenant = fixture.emulator.world().tenant(EmulatorFixture.TENANT).orElseThrow();
    AppRegistration app = tenant.apps().get(0);
    String graphToken =
        fixture.emulator.accessTokens().issue(tenant, app, "https://graph.microsoft.com");
    assertUnauthorized(
        client.raw(
            "GET",
            UNKNOWN_CALL + "?" + AcsClient.VERSION,
            "",
            "Authorization",
            "Bearer " + graphToken,
            "x-ms-host",
            "contoso-acs.communication.azure.com"),
        "audience");
  }

  @Test
  void entraBearerNamingNoResource_is401() throws Exception {
    assertUnauthorized(
        client.raw(
            "GET",
            UNKNOWN_CALL + "?" + AcsClient.VERSION,
            "",
            "Authorization",
            "Bearer " + acsToken(),
            "x-ms-host",
            "nobody.communication.azure.com"),
        "x-ms-host");
  }

  private static String acsToken() {
    EmulatedTenant tenant = fixture.emulator.world().tenant(EmulatorFixture.TENANT).orElseThrow();
    return fixture
        .emulator
        .accessTokens()
        .issue(tenant, tenant.apps().get(0), "https://communication.azure.com");
  }

  private static String date() {
    return HmacSignature.date(fixture.clock.now());
  }

  private static HttpResponse<String> signedWith(String signedHeaders, String date, String hash)
      throws Exception {
    String path = UNKNOWN_CALL + "?" + AcsClient.VERSION;
    String signature =
        HmacSignature.sign(KEY, HmacSignature.stringToSign("GET", path, date, "127.0.0.1", hash));
    return client.raw(
        "GET",
        path,
        "",
        "x-ms-date",
        date,
        "x-ms-content-sha256",
        hash,
        "Authorization",
        "HMAC-SHA256 SignedHeaders=" + signedHeaders + "&Signature=" + signature);
  }

  private static void assertUnauthorized(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = error(response);
    assertThat(error.path("code").asString()).isEqualTo("7509");
    assertThat(error.path("message").asString()).isEqualTo("HMAC-SHA256 validation failed");
    assertThat(error.path("details").get(0).path("message").asString()).contains(reason);
  }

  static JsonNode error(HttpResponse<String> response) {
    return Json.parse(response.body()).path("error");
  }
}
