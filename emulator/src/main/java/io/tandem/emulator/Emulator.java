package io.tandem.emulator;

import io.tandem.emulator.acs.CallAutomation;
import io.tandem.emulator.control.ControlRoutes;
import io.tandem.emulator.directrouting.DirectRouting;
import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.Authorities;
import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.entra.EntraRoutes;
import io.tandem.emulator.graph.calls.GraphCalls;
import io.tandem.emulator.graph.presence.GraphPresence;
import io.tandem.emulator.http.EmulatorHttpServer;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.PstnNetwork;
import io.tandem.emulator.pstn.trunk.CarrierTrunks;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.tls.TlsContexts;
import io.tandem.emulator.world.World;
import io.tandem.emulator.world.WorldSpecs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The whole emulated Microsoft side, wired in one place: world, journal, signing authorities, Teams
 * clients, PSTN, the HTTP surface (Entra, Graph, ACS, control API) and the SIP proxies. Runs
 * embedded (tests, the demo) or alone ({@link EmulatorMain}).
 */
public final class Emulator implements AutoCloseable {

  private final Scheduler scheduler;
  private final World world;
  private final Journal journal;
  private final Authorities authorities;
  private final AccessTokens accessTokens;
  private final TeamsClients teamsClients;
  private final PstnNetwork pstn = new PstnNetwork();
  private final OutboundHttp outbound;
  private final GraphCalls graphCalls;
  private final GraphPresence presence;
  private final CallAutomation callAutomation;
  private final HttpRoutes routes = new HttpRoutes();
  private final List<AutoCloseable> running;
  private final EmulatorHttpServer http;
  private final @Nullable EmulatorHttpServer https;
  private final @Nullable DirectRouting directRouting;
  private final @Nullable CarrierTrunks carrierTrunks;

  /** Wires and starts the parts, adding each one that must be closed to {@code running}. */
  private Emulator(EmulatorSettings settings, Scheduler scheduler, List<AutoCloseable> running)
      throws IOException, GeneralSecurityException {
    this.running = running;
    this.scheduler = scheduler;
    this.world =
        settings.world() == null ? World.empty() : new World(WorldSpecs.read(settings.world()));
    this.journal = new Journal(scheduler, settings.journalCapacity());
    this.authorities = Authorities.generate();
    this.accessTokens = new AccessTokens(authorities.entra(), scheduler);
    this.teamsClients = new TeamsClients(world, scheduler, journal);
    EmulatorSettings.TlsSettings tls = settings.tls();
    SSLContext tlsContext =
        tls == null
            ? null
            : TlsContexts.serverAndClient(
                tls.keyStore(), tls.keyStorePassword(), tls.trustStore(), tls.trustStorePassword());
    this.outbound = new OutboundHttp(tlsContext, journal, settings.outboundTimeout());

    new EntraRoutes(world, accessTokens, authorities, scheduler).register(routes);
    new ControlRoutes(world, journal, pstn).register(routes);
    this.graphCalls =
        new GraphCalls(
            new GraphCalls.Parts(
                world,
                journal,
                scheduler,
                accessTokens,
                CallbackTokens.graph(authorities, scheduler),
                outbound,
                tlsContext,
                settings.outboundTimeout(),
                teamsClients,
                pstn));
    graphCalls.register(routes);
    this.presence = new GraphPresence(world, scheduler, journal, accessTokens, tlsContext);
    presence.register(routes);
    teamsClients.addActivityListener(presence.board());
    running.add(presence);
    this.callAutomation =
        new CallAutomation(
            world,
            accessTokens,
            authorities,
            scheduler,
            journal,
            outbound,
            teamsClients,
            tlsContext,
            settings.outboundTimeout());
    callAutomation.register(routes);
    pstn.add(callAutomation.pstnTerminator());
    this.directRouting =
        settings.directRouting() == null
            ? null
            : new DirectRouting(
                settings.directRouting(),
                settings.bindAddress(),
                world,
                teamsClients,
                pstn,
                scheduler,
                journal);
    if (directRouting != null) {
      directRouting.register(routes);
      running.add(directRouting);
    }
    this.carrierTrunks =
        CarrierTrunks.start(
            settings.directRouting(), settings.bindAddress(), world, scheduler, journal);
    if (carrierTrunks != null) {
      pstn.add(carrierTrunks);
      carrierTrunks.register(routes);
      running.add(carrierTrunks);
    }

    this.http =
        new EmulatorHttpServer(
                new InetSocketAddress(settings.bindAddress(), settings.httpPort()),
                null,
                routes,
                journal)
            .start();
    running.add(http);
    this.https =
        tlsContext == null || settings.httpsPort() < 0
            ? null
            : new EmulatorHttpServer(
                    new InetSocketAddress(settings.bindAddress(), settings.httpsPort()),
                    tlsContext,
                    routes,
                    journal)
                .start();
    if (https != null) {
      running.add(https);
    }
  }

  /**
   * Starts an emulator; close it to release its ports. A start that fails (a port in use …) closes
   * the parts it had started, then throws.
   */
  public static Emulator start(EmulatorSettings settings, Scheduler scheduler)
      throws IOException, GeneralSecurityException {
    List<AutoCloseable> running = new ArrayList<>();
    try {
      return new Emulator(settings, scheduler, running);
    } catch (Throwable failed) {
      closeAll(running, failed);
      throw failed;
    }
  }

  /** The plain-HTTP base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String httpBaseUrl() {
    return "http://127.0.0.1:" + http.port();
  }

  /** The HTTPS base URL, when HTTPS is on. */
  public @Nullable String httpsBaseUrl() {
    return https == null ? null : "https://localhost:" + https.port();
  }

  public World world() {
    return world;
  }

  public Journal journal() {
    return journal;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public Authorities authorities() {
    return authorities;
  }

  public AccessTokens accessTokens() {
    return accessTokens;
  }

  public TeamsClients teamsClients() {
    return teamsClients;
  }

  public PstnNetwork pstn() {
    return pstn;
  }

  public CallAutomation callAutomation() {
    return callAutomation;
  }

  public OutboundHttp outbound() {
    return outbound;
  }

  public GraphCalls graphCalls() {
    return graphCalls;
  }

  public GraphPresence presence() {
    return presence;
  }

  /** The Direct Routing SIP interface, when it runs. */
  public @Nullable DirectRouting directRouting() {
    return directRouting;
  }

  /**
   * The simulated carrier's SIP trunks to contact centers, when SIP is on and the world has any.
   */
  public @Nullable CarrierTrunks carrierTrunks() {
    return carrierTrunks;
  }

  @Override
  public void close() {
    closeAll(running, null);
  }

  /**
   * Closes {@code parts}, the last started first; one that fails to close does not keep the rest
   * open, and is added to {@code failedStart} when a failed start is being undone.
   */
  private static void closeAll(List<AutoCloseable> parts, @Nullable Throwable failedStart) {
    for (AutoCloseable part : parts.reversed()) {
      try {
        part.close();
      } catch (Exception failedClose) {
        if (failedStart != null) {
          failedStart.addSuppressed(failedClose);
        }
      }
    }
  }
}
