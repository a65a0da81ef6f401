package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The same signed requests over HTTPS with the test CA, host signed as {@code localhost}. */
class AcsOverHttpsTest {

  @Test
  void signedRequestOverHttps_isAuthenticated() throws Exception {
    try (EmulatorFixture fixture =
        new EmulatorFixture(
            EmulatorSettings.defaults().withHttps(0, EmulatorSettings.TlsSettings.testPki()))) {
      String base = fixture.emulator.httpsBaseUrl();
      HttpClient https =
          HttpClient.newBuilder()
              .sslContext(TlsContexts.trusting("classpath:test-pki/truststore.p12", "changeit"))
              .build();
      String path = "/calling/callConnections/unknown?" + AcsClient.VERSION;
      String date = HmacSignature.date(fixture.clock.now());
      String hash = HmacSignature.contentHash(new byte[0]);
      String signature =
          HmacSignature.sign(
              AcsAuthenticationTest.KEY,
              HmacSignature.stringToSign("GET", path, date, "localhost", hash));

      HttpResponse<String> response =
          https.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("x-ms-date", date)
                  .header("x-ms-content-sha256", hash)
                  .header("Authorization", HmacSignature.authorization(signature))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(base).startsWith("https://localhost:");
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }
}
