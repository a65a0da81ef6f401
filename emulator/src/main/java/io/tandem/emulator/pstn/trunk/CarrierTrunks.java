package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.directrouting.sip.SipNode;
import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.TlsFiles;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.CarrierTrunk;
import io.tandem.emulator.world.World;
import io.tandem.media.clock.ScheduledPacer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The simulated carrier that delivers PSTN callers to contact centers over SIP trunks, wired in one
 * place: the world's {@link CarrierTrunk}s, the carrier's SIP node ({@code carrierHost}, UDP and
 * TCP on {@code carrierPort}, TLS on {@code carrierPort + 1} when a trunk asks for TLS), one 20 ms
 * media pacer for every caller, and the registry the control API reads. It is the PSTN terminator
 * {@code trunk}: a dialled number one of the trunks serves becomes a {@link TrunkCall}.
 */
public final class CarrierTrunks implements PstnTerminator, AutoCloseable {

  private final World world;
  private final Journal journal;
  private final SipNode node;
  private final TrunkServices services;
  private final AtomicReference<TrunkServices.Configured> configured =
      new AtomicReference<>(TrunkServices.Configured.of(TrunkSettings.defaults()));
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "carrier-media-pacer");
            thread.setDaemon(true);
            return thread;
          });

  private CarrierTrunks(
      DirectRoutingSettings sip,
      InetAddress bind,
      World world,
      Scheduler scheduler,
      Journal journal) {
    this.world = world;
    this.journal = journal;
    world.carrierTrunks().forEach(TrunkRoute::of);
    Map<SipTransport, ListenPoint> points = new EnumMap<>(SipTransport.class);
    points.put(
        SipTransport.UDP, new ListenPoint(sip.carrierHost(), SipTransport.UDP, sip.carrierPort()));
    points.put(
        SipTransport.TCP, new ListenPoint(sip.carrierHost(), SipTransport.TCP, sip.carrierPort()));
    boolean tls =
        sip.tls() != null
            && world.carrierTrunks().stream()
                .anyMatch(t -> TrunkRoute.of(t).transport() == SipTransport.TLS);
    if (tls) {
      points.put(
          SipTransport.TLS,
          new ListenPoint(sip.carrierHost(), SipTransport.TLS, sip.carrierPort() + 1));
    }
    SipNode[] started = new SipNode[1];
    this.services =
        new TrunkServices(
            () -> started[0],
            points,
            scheduler,
            journal,
            new ScheduledPacer(ticks, System::nanoTime),
            sip.carrierHost(),
            configured::get,
            this::place);
    started[0] =
        SipNode.start(
            "carrier",
            bind,
            List.copyOf(points.values()),
            tls ? tlsFiles(sip.tls()) : null,
            sip::resolve,
            journal,
            new TrunkRequests(services.calls));
    this.node = started[0];
  }

  /**
   * The carrier for {@code world}'s trunks when SIP is on ({@code sip} not null) and the world has
   * trunks; null otherwise.
   */
  public static @Nullable CarrierTrunks start(
      @Nullable DirectRoutingSettings sip,
      InetAddress bind,
      World world,
      Scheduler scheduler,
      Journal journal) {
    if (sip == null || world.carrierTrunks().isEmpty()) {
      return null;
    }
    return new CarrierTrunks(sip, bind, world, scheduler, journal);
  }

  /** Serves {@code /emulator/pstn/calls/{id}}, its {@code heard.wav}, the list and settings. */
  public void register(HttpRoutes routes) {
    new TrunkControlRoutes(services.calls, this, journal).register(routes);
  }

  @Override
  public String name() {
    return "trunk";
  }

  @Override
  public java.util.Optional<String> statusPath(String callId) {
    return java.util.Optional.of("/emulator/pstn/calls/" + callId);
  }

  @Override
  public boolean serves(String e164) {
    return trunkFor(e164).isPresent();
  }

  @Override
  public Optional<String> dial(CallerScript script) {
    return place(script, List.of(), (status, reason) -> {});
  }

  private Optional<String> place(
      CallerScript script, List<SipHeader> headers, TrunkServices.FinalListener listener) {
    Optional<CarrierTrunk> trunk = trunkFor(script.to());
    if (trunk.isEmpty()) {
      return Optional.empty();
    }
    String callId = UUID.randomUUID().toString();
    TrunkRoute route = TrunkRoute.of(trunk.get());
    if (!services.points.containsKey(route.transport())) {
      journal.event(
          Channel.SIP,
          "trunk.notPlaced",
          callId,
          Map.of(
              "error",
              "no " + route.transport() + " listener (TLS needs DirectRoutingSettings.tls)"));
      return Optional.empty();
    }
    TrunkCall call;
    try {
      call = new TrunkCall(services, route, script, headers, callId);
    } catch (UncheckedIOException noMediaPort) {
      journal.event(
          Channel.SIP, "trunk.notPlaced", callId, Map.of("error", noMediaPort.getMessage()));
      return Optional.empty();
    }
    call.onFinalResponse(listener);
    services.calls.add(call);
    services.onCall(callId, call::start);
    return Optional.of(callId);
  }

  private Optional<CarrierTrunk> trunkFor(String e164) {
    return world.carrierTrunks().stream().filter(t -> t.serves(e164)).findFirst();
  }

  /** The caller behaviour settings now. */
  public TrunkSettings settings() {
    return configured.get().settings();
  }

  /** Changes the settings for calls placed from now on; returns the new settings. */
  public TrunkSettings changeSettings(UnaryOperator<TrunkSettings> change) {
    return configured
        .updateAndGet(current -> TrunkServices.Configured.of(change.apply(current.settings())))
        .settings();
  }

  /** The carrier's listening point for {@code transport}. */
  public ListenPoint listenPoint(SipTransport transport) {
    ListenPoint point = services.points.get(transport);
    if (point == null) {
      throw new IllegalArgumentException("the carrier has no " + transport + " listener");
    }
    return point;
  }

  /** Calls not yet ended. */
  public int liveCalls() {
    return services.calls.live().size();
  }

  /** Ends the live calls (no BYE is sent), then stops the SIP node and the media pacer. */
  @Override
  public void close() {
    for (TrunkCall call : services.calls.live()) {
      call.end(TrunkCallState.EndReason.EMULATOR_STOPPED);
    }
    node.close();
    ticks.shutdownNow();
  }

  /** JAIN-SIP reads key and trust stores from files: classpath stores are copied out first. */
  private static TlsFiles tlsFiles(EmulatorSettings.TlsSettings tls) {
    return new TlsFiles(
        file(tls.keyStore()),
        tls.keyStorePassword(),
        file(tls.trustStore()),
        tls.trustStorePassword(),
        false);
  }

  private static Path file(String location) {
    if (!location.startsWith("classpath:")) {
      return Path.of(location);
    }
    String resource = location.substring("classpath:".length());
    try (InputStream in = CarrierTrunks.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no classpath resource " + resource);
      }
      Path copy = Files.createTempFile("tandem-carrier-", ".p12");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
