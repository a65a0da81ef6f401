package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntraTokenClientTest {

  private static final String TOKEN_REQUEST =
      "POST /" + EmulatedEntra.TENANT + "/oauth2/v2.0/token";

  private final EmulatedEntra entra;
  private final HttpClient http = HttpClient.newHttpClient();

  EntraTokenClientTest() throws Exception {
    entra = new EmulatedEntra();
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  private EntraTokenClient client(String secret) {
    return new EntraTokenClient(
        new ClientCredentials(
            entra.base(),
            EmulatedEntra.TENANT,
            EmulatedEntra.APP,
            secret,
            "https://graph.microsoft.com/.default"),
        http,
        entra.clock,
        Duration.ofMinutes(5),
        Duration.ofMillis(1));
  }

  @Test
  void accessToken_isFetchedOnce_andServedFromTheCacheWhileFresh() throws Exception {
    EntraTokenClient client = client(EmulatedEntra.SECRET);

    String first = client.accessToken();
    entra.scheduler.advance(Duration.ofMinutes(50));
    String second = client.accessToken();

    assertThat(second).isEqualTo(first);
    assertThat(entra.requests(TOKEN_REQUEST)).isEqualTo(1);
    assertThat(entra.emulator.accessTokens().verify(first, "https://graph.microsoft.com").appId())
        .isEqualTo(EmulatedEntra.APP);
  }

  @Test
  void accessToken_isRefreshedFiveMinutesBeforeItExpires() throws Exception {
    EntraTokenClient client = client(EmulatedEntra.SECRET);
    String first = client.accessToken();

    entra.scheduler.advance(Duration.ofMinutes(55));
    String refreshed = client.accessToken();

    assertThat(refreshed).isNotEqualTo(first);
    assertThat(entra.requests(TOKEN_REQUEST)).isEqualTo(2);
  }

  @Test
  void invalidate_forcesANewToken() throws Exception {
    EntraTokenClient client = client(EmulatedEntra.SECRET);
    client.accessToken();
    client.invalidate();
    client.accessToken();

    assertThat(entra.requests(TOKEN_REQUEST)).isEqualTo(2);
  }

  @Test
  void wrongSecret_isRefusedWithEntrasCode_andNotRetried() {
    assertThatThrownBy(() -> client("wrong").accessToken())
        .isInstanceOfSatisfying(
            TokenRefusedException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(401);
              assertThat(refused.errorCodes()).containsExactly(7000215);
            });
    assertThat(entra.requests(TOKEN_REQUEST)).isEqualTo(1);
  }

  @Test
  void unreachableEndpoint_isRetriedThenRefused() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EntraTokenClient client =
        new EntraTokenClient(
            new ClientCredentials(
                URI.create("http://127.0.0.1:" + closedPort),
                EmulatedEntra.TENANT,
                EmulatedEntra.APP,
                EmulatedEntra.SECRET,
                "https://graph.microsoft.com/.default"),
            http,
            entra.clock,
            Duration.ofMinutes(5),
            Duration.ofMillis(1));

    assertThatThrownBy(client::accessToken)
        .isInstanceOfSatisfying(
            TokenRefusedException.class, refused -> assertThat(refused.status()).isZero())
        .hasMessageContaining("unreachable");
  }

  @Test
  void credentials_refuseAScopeWithoutDefault() {
    assertThatThrownBy(
            () ->
                new ClientCredentials(
                    entra.base(), "t", "a", "s", "https://graph.microsoft.com/Calls.Initiate.All"))
        .hasMessageContaining("/.default");
    assertThat(
            new ClientCredentials(entra.base(), "t", "a", "very-secret", "x/.default").toString())
        .doesNotContain("very-secret");
  }
}
