package io.tandem.server.unify.streams;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.time.SchedulerClock;
import io.tandem.identity.MicrosoftTokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The in-process emulator with one ACS resource (test world {@code unify/streams/world.yaml}) on a
 * manual clock: the authority whose callback tokens the stream endpoints trust, and the ACS that
 * streams to them.
 */
final class EmulatedAcs implements AutoCloseable {

  static final String RESOURCE_ID = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
  static final String ACCESS_KEY = "dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  static final String SALES_NUMBER = "+14255550200";
  static final String CALLER = "+14255550123";

  final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final Emulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  EmulatedAcs() throws Exception {
    Path world = Path.of(EmulatedAcs.class.getResource("/unify/streams/world.yaml").toURI());
    emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), clock);
  }

  /** The validator the server would build for this resource, on the emulator's clock. */
  MicrosoftTokenValidator validator() {
    return MicrosoftTokenValidator.forAcsCallbacks(
        URI.create(emulator.httpBaseUrl() + "/calling/.well-known/acsopenidconfiguration"),
        RESOURCE_ID,
        http,
        new SchedulerClock(clock));
  }

  /** A callback token as ACS puts on its streams' handshakes. */
  String token() {
    return CallbackTokens.acs(emulator.authorities(), clock).issue(RESOURCE_ID, null);
  }

  /** A token of ACS's authority for another resource. */
  String tokenForAnotherResource() {
    return CallbackTokens.acs(emulator.authorities(), clock)
        .issue("00000000-0000-0000-0000-000000000acs", null);
  }

  /** A token signed by Graph's notification key, not ACS's. */
  String tokenOfAnotherAuthority() {
    return new CallbackTokens(
            emulator.authorities().graphCallbacks(),
            "https://acscallautomation.communication.azure.com",
            Duration.ofMinutes(5),
            clock)
        .issue(RESOURCE_ID, null);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
