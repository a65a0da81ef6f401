package io.tandem.acs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Downloads of recording files: signed as a request to the resource (its host, the content's path),
 * sent to the content location; refusals and foreign plain-HTTP locations are errors.
 */
class RecordingContentTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final byte[] KEY = Base64.getDecoder().decode(HmacSignerTest.KEY);

  private static CallAutomationClient client(URI endpoint) {
    return new CallAutomationClient(
        endpoint,
        new AcsCredential.Hmac(KEY),
        HttpClient.newHttpClient(),
        RetryPolicy.DEFAULT,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void download_isSignedForTheResourceHostAndTheContentPath() throws Exception {
    try (ScriptedAcs storage = new ScriptedAcs(new ScriptedAcs.Reply(200, "RIFFwave", Map.of()))) {
      URI content = storage.endpoint().resolve("/v1/objects/doc-1/content/audio");

      byte[] file = client(storage.endpoint()).downloadRecording(content);

      assertThat(new String(file, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("RIFFwave");
      ScriptedAcs.Received request = storage.received.getFirst();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.pathAndQuery()).isEqualTo("/v1/objects/doc-1/content/audio");
      Map<String, String> expected = new HmacSigner(KEY).headers("GET", content, new byte[0], NOW);
      assertThat(request.header("Authorization")).isEqualTo(expected.get("Authorization"));
      assertThat(request.header("x-ms-date")).isEqualTo(expected.get("x-ms-date"));
    }
  }

  @Test
  void download_refused_isAnAcsException_withItsStatus() throws Exception {
    try (ScriptedAcs storage = new ScriptedAcs(new ScriptedAcs.Reply(404, "gone", Map.of()))) {
      AcsException refused =
          catchThrowableOfType(
              AcsException.class,
              () ->
                  client(storage.endpoint())
                      .downloadRecording(
                          storage.endpoint().resolve("/v1/objects/x/content/audio")));

      assertThat(refused.status()).isEqualTo(404);
      assertThat(storage.received).hasSize(1);
    }
  }

  @Test
  void download_fromAForeignPlainHttpLocation_isNotAttempted() {
    AcsException refused =
        catchThrowableOfType(
            AcsException.class,
            () ->
                client(URI.create("https://contoso.communication.azure.com/"))
                    .downloadRecording(URI.create("http://elsewhere.example/v1/objects/x")));

    assertThat(refused.code()).isEqualTo("ForeignUrl");
  }
}
