package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.entra.CallbackTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrosoftTokenValidatorTest {

  private static final String ACS_RESOURCE = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";

  private final EmulatedEntra entra;
  private final HttpClient http = HttpClient.newHttpClient();
  private final MicrosoftTokenValidator graph;
  private final MicrosoftTokenValidator acs;
  private final CallbackTokens graphTokens;
  private final CallbackTokens acsTokens;

  MicrosoftTokenValidatorTest() throws Exception {
    entra = new EmulatedEntra();
    graph =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(entra.base() + "/aps/v1/.well-known/OpenIdConfiguration"),
            EmulatedEntra.APP,
            http,
            entra.clock);
    acs =
        MicrosoftTokenValidator.forAcsCallbacks(
            URI.create(entra.base() + "/calling/.well-known/acsopenidconfiguration"),
            ACS_RESOURCE,
            http,
            entra.clock);
    graphTokens = CallbackTokens.graph(entra.emulator.authorities(), entra.scheduler);
    acsTokens = CallbackTokens.acs(entra.emulator.authorities(), entra.scheduler);
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  void graphNotificationToken_isAccepted_withItsTenant() throws Exception {
    ValidatedToken token =
        graph.validateAuthorization(
            Optional.of("Bearer " + graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT)));

    assertThat(token.tenantId()).isEqualTo(EmulatedEntra.TENANT);
    assertThat(token.issuer()).isEqualTo("https://graph.microsoft.com");
    assertThat(token.audience()).isEqualTo(EmulatedEntra.APP);
  }

  @Test
  void acsCallbackToken_isAccepted() throws Exception {
    assertThat(acs.validate(acsTokens.issue(ACS_RESOURCE, null)).audience())
        .isEqualTo(ACS_RESOURCE);
  }

  @Test
  void keys_areFetchedOnce_andReusedUntilStale() throws Exception {
    graph.validate(graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT));
    graph.validate(graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT));
    assertThat(entra.requests("GET /aps/v1/keys")).isEqualTo(1);

    entra.scheduler.advance(Duration.ofHours(2));
    graph.validate(graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT));
    assertThat(entra.requests("GET /aps/v1/keys")).isEqualTo(2);
  }

  @Test
  void rejects_everyTokenThatFailsACheck() throws Exception {
    String good = graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT);
    assertRejected(graph, graphTokens.issue("another-app", EmulatedEntra.TENANT), "audience");
    assertRejected(graph, graphTokens.issue(EmulatedEntra.APP, null), "tenant");
    assertRejected(graph, acsTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT), "signing key");
    assertRejected(graph, good.substring(0, good.length() - 6) + "AAAAAA", "signature");
    assertRejected(graph, "abc.def", "malformed");
    assertRejected(graph, "e30.e30.e30", "alg");
    assertThatThrownBy(() -> graph.validateAuthorization(Optional.empty()))
        .hasMessageContaining("no Authorization");
    assertThatThrownBy(() -> graph.validateAuthorization(Optional.of("Basic abc")))
        .hasMessageContaining("Bearer");

    entra.scheduler.advance(Duration.ofMinutes(66));
    assertRejected(graph, good, "expired");
  }

  @Test
  void unknownKeyIds_refetchTheKeysAtMostOncePerMinute() throws Exception {
    graph.validate(graphTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT));
    String foreign = acsTokens.issue(EmulatedEntra.APP, EmulatedEntra.TENANT);
    for (int i = 0; i < 5; i++) {
      assertRejected(graph, foreign, "signing key");
    }
    assertThat(entra.requests("GET /aps/v1/keys")).isEqualTo(1);

    entra.scheduler.advance(Duration.ofMinutes(1));
    assertRejected(graph, foreign, "signing key");
    assertThat(entra.requests("GET /aps/v1/keys")).isEqualTo(2);
  }

  private static void assertRejected(
      MicrosoftTokenValidator validator, String token, String reason) {
    assertThatThrownBy(() -> validator.validate(token))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining(reason);
  }
}
