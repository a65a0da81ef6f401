package io.tandem.emulator;

import io.tandem.emulator.time.ManualScheduler;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An emulator on a free loopback port with the {@code worlds/contoso.yaml} world, on a manual
 * clock, plus a plain JDK HTTP client to speak to it. Close it after each test class.
 */
public final class EmulatorFixture implements AutoCloseable {

  public static final String TENANT = "8f1c1b6e-2f7a-4a53-9d6c-0b1e5f0c7a11";
  public static final String BOT_APP = "3d2e6f9a-1b4c-4e8d-a7f0-5c9b8a7d6e01";
  public static final String BOT_SECRET = "bot-secret-1";

  public final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  public final Emulator emulator;
  public final HttpClient http = HttpClient.newHttpClient();

  public EmulatorFixture() throws Exception {
    this(EmulatorSettings.defaults());
  }

  public EmulatorFixture(EmulatorSettings settings) throws Exception {
    emulator = Emulator.start(settings.withWorld(world("contoso.yaml")), clock);
  }

  public static Path world(String name) throws URISyntaxException {
    return Path.of(EmulatorFixture.class.getResource("/worlds/" + name).toURI());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    emulator.close();
  }
}
