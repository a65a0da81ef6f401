package io.tandem.server.microsoft;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.emulator.world.AcsResource;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * The emulator running in this process on the wall clock, playing Microsoft for the demo: Entra,
 * Graph (calls, presence, subscriptions) and the signing keys of Graph's notifications, on a
 * loopback HTTP port. The world file may be any Spring resource; one inside a jar is copied to a
 * temporary file for the emulator to read and deleted once it is read.
 *
 * <p>Threading: the emulator runs on its own threads; the methods here are thread-safe.
 */
public final class EmbeddedEmulator implements AutoCloseable {

  private final Emulator emulator;
  private final SystemScheduler scheduler;

  private EmbeddedEmulator(Emulator emulator, SystemScheduler scheduler) {
    this.emulator = emulator;
    this.scheduler = scheduler;
  }

  /**
   * Starts the emulator with {@code world} on {@code httpPort} (0 = any free port).
   *
   * @throws IllegalStateException when the world cannot be read or the emulator cannot start
   */
  public static EmbeddedEmulator start(Resource world, int httpPort, Clock clock) {
    return start(world, httpPort, null, clock);
  }

  /**
   * Starts the emulator with {@code world} on {@code httpPort} (0 = any free port), playing Direct
   * Routing and the PSTN carrier as {@code directRouting} says (null: no SIP).
   *
   * @throws IllegalStateException when the world cannot be read or the emulator cannot start
   */
  public static EmbeddedEmulator start(
      Resource world, int httpPort, @Nullable DirectRoutingSettings directRouting, Clock clock) {
    SystemScheduler scheduler = new SystemScheduler(clock);
    try {
      Path file = world.isFile() ? world.getFile().toPath() : copy(world);
      try {
        return new EmbeddedEmulator(
            Emulator.start(
                EmulatorSettings.defaults()
                    .withHttpPort(httpPort)
                    .withWorld(file)
                    .withDirectRouting(directRouting),
                scheduler),
            scheduler);
      } finally {
        if (!world.isFile()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      scheduler.close();
      throw new IllegalStateException(
          "cannot start the emulator with world " + world.getDescription() + ": " + e.getMessage(),
          e);
    }
  }

  public Emulator emulator() {
    return emulator;
  }

  /** The emulator's plain-HTTP base URL, e.g. {@code http://127.0.0.1:40123}. */
  public URI baseUrl() {
    return URI.create(emulator.httpBaseUrl());
  }

  /**
   * The tenant with id {@code tenantId}, or the world's first tenant when none is given.
   *
   * @throws IllegalStateException when there is no such tenant
   */
  public EmulatedTenant tenant(@Nullable String tenantId) {
    if (tenantId != null && !tenantId.isBlank()) {
      return emulator
          .world()
          .tenant(tenantId)
          .orElseThrow(
              () -> new IllegalStateException("the emulator's world has no tenant " + tenantId));
    }
    return emulator.world().tenants().stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the emulator's world has no tenant"));
  }

  /**
   * The app {@code clientId} of {@code tenant}, or its first app when none is given.
   *
   * @throws IllegalStateException when there is no such app
   */
  public static AppRegistration app(EmulatedTenant tenant, @Nullable String clientId) {
    return tenant.apps().stream()
        .filter(app -> clientId == null || clientId.isBlank() || app.appId().equals(clientId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the emulator's tenant "
                        + tenant.id()
                        + " has no app registration"
                        + (clientId == null || clientId.isBlank() ? "" : " " + clientId)));
  }

  /**
   * Points the calling webhook of app {@code appId} of tenant {@code tenantId} at {@code webhook},
   * replacing the tenant in the world.
   */
  public synchronized void pointCallingWebhook(String tenantId, String appId, URI webhook) {
    EmulatedTenant tenant = tenant(tenantId);
    List<AppRegistration> apps =
        tenant.apps().stream()
            .map(
                app ->
                    app.appId().equals(appId)
                        ? new AppRegistration(
                            app.appId(),
                            app.clientSecret(),
                            app.displayName(),
                            app.roles(),
                            webhook.toString())
                        : app)
            .toList();
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                apps,
                tenant.users(),
                tenant.resourceAccounts(),
                tenant.gateways(),
                tenant.voiceRoutes()));
  }

  /**
   * The ACS resource {@code resourceId} of the world, or its first one when none is given.
   *
   * @throws IllegalStateException when there is no such resource
   */
  public AcsResource acsResource(@Nullable String resourceId) {
    return emulator.world().acsResources().stream()
        .filter(
            resource ->
                resourceId == null || resourceId.isBlank() || resource.id().equals(resourceId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the emulator's world has no ACS resource"
                        + (resourceId == null || resourceId.isBlank() ? "" : " " + resourceId)));
  }

  /** Subscribes {@code webhook} to the IncomingCall events of ACS resource {@code resourceId}. */
  public void subscribeIncomingCalls(String resourceId, URI webhook) {
    emulator
        .world()
        .acsResource(resourceId)
        .ifPresent(
            resource ->
                emulator
                    .world()
                    .putAcsResource(resource.withIncomingCallWebhook(webhook.toString())));
  }

  /** Stops the emulator and its timers. */
  @Override
  public void close() {
    try {
      emulator.close();
    } finally {
      scheduler.close();
    }
  }

  private static Path copy(Resource world) throws IOException {
    Path file = Files.createTempFile("tandem-emulator-world-", ".yaml");
    try (InputStream in = world.getInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
