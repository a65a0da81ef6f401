package io.tandem.testkit;

import com.sun.net.httpserver.HttpServer;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.core.time.TimerThreads;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel-agnostic half of one Tandem node under test, on the wall clock: the in-process
 * emulator with a world file, a tenant on its own mailbox, and a loopback HTTP server that serves
 * WAV prompts under {@code /prompts/} and takes the channel's own endpoints. The channel's half
 * (its calls, its endpoints' handlers) is built on top; {@link #start} opens the server once they
 * are in place.
 *
 * <p>Threading: the server's handlers and the channel's work run on virtual threads; the tenant
 * runs on its mailbox ({@link #onTenant}, {@link #tell}); {@link #timers} is one platform thread.
 */
public final class EmulatedNode implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public final Emulator emulator;
  public final Clock clock = Clock.systemUTC();
  public final ScheduledExecutorService timers = TimerThreads.daemon("node-timers");
  public final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  public final HttpClient http = HttpClient.newHttpClient();

  /** The node's loopback server; the channel adds its endpoints before {@link #start}. */
  public final HttpServer server;

  /** {@code http://127.0.0.1:port} of {@link #server}. */
  public final String base;

  private final TenantMailbox mailbox;
  private final Tenant tenant;

  /**
   * @param world the emulator's world file
   * @param journalCapacity entries the emulator's journal keeps
   * @param prompts the WAV served for a request path under {@code /prompts/}
   */
  public EmulatedNode(Path world, int journalCapacity, Function<String, byte[]> prompts)
      throws Exception {
    emulator =
        Emulator.start(
            EmulatorSettings.defaults().withWorld(world).withJournalCapacity(journalCapacity),
            new SystemScheduler(clock));
    mailbox = new TenantMailbox(virtualThreads);
    tenant = new Tenant(new TenantId("t1"), clock, new MailboxScheduler(clock, timers, mailbox));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    server.setExecutor(virtualThreads);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/prompts/",
        exchange -> {
          try (exchange) {
            byte[] wav = prompts.apply(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
          }
        });
  }

  /** Opens the server, with the channel's endpoints in place. */
  public void start() {
    server.start();
  }

  /** A scheduler for the channel's timers: on {@link #timers}, run on virtual threads. */
  public MailboxScheduler channelScheduler() {
    return new MailboxScheduler(clock, timers, virtualThreads);
  }

  /** The tenant's id. */
  public TenantId tenantId() {
    return tenant.id();
  }

  /** Runs {@code command} on the tenant's writer. */
  public <T> CompletableFuture<T> onTenant(Function<Tenant, T> command) {
    return mailbox.ask(() -> command.apply(tenant));
  }

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  public CompletableFuture<Void> tell(Consumer<Tenant> command) {
    return mailbox.tell(() -> command.accept(tenant));
  }

  /**
   * A PSTN caller {@code from} dials {@code to} with the caller's script {@code members} (JSON
   * members, without braces); the emulator's call id.
   */
  public String dial(String from, String to, String scriptMembers) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"," + scriptMembers + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (placed.statusCode() / 100 != 2) {
      throw new IllegalStateException("dial refused: " + placed.statusCode() + " " + placed.body());
    }
    return JSON.readTree(placed.body()).path("callId").asString();
  }

  /** {@code millis} of silence as an 8 kHz WAV: Microsoft plays a WAV for its own length. */
  public static byte[] silence(int millis) {
    return WavWriter.toBytes(new PcmAudio(8000, new short[8 * millis]), WavEncoding.PCM16);
  }

  @Override
  public void close() {
    timers.shutdownNow();
    server.stop(0);
    emulator.close();
    if (emulator.scheduler() instanceof SystemScheduler system) {
      system.close();
    }
    virtualThreads.shutdownNow();
  }
}
