package io.tandem.emulator.directrouting;

import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.SipNode;
import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.TlsFiles;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.PstnNetwork;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Teams Direct Routing SIP interface, wired in one place: the three Microsoft proxies
 * (sip, sip2, sip3) as listening points of one SIP node, the inbound checks, SBC → Teams calls,
 * OPTIONS health both ways, Teams → SBC calls, media legs.
 */
public final class DirectRouting implements AutoCloseable {

  private final DirectRoutingSettings settings;
  private final SipNode proxy;
  private final CallServices services;
  private final InboundChecks checks;
  private final MediaLegs media;
  private final SbcPings pings;
  private final TeamsCallRoutes teamsCalls;

  public DirectRouting(
      DirectRoutingSettings settings,
      InetAddress bind,
      World world,
      TeamsClients teams,
      PstnNetwork pstn,
      Scheduler scheduler,
      Journal journal) {
    this.settings = settings;
    this.media = new RtpMediaLegs(bind.getHostAddress());
    SipNode[] node = new SipNode[1];
    this.services =
        new CallServices(() -> node[0], world, teams, scheduler, journal, settings, media);
    this.checks =
        new InboundChecks(
            world,
            journal,
            services.health,
            services.active,
            settings.maxConcurrentCalls(),
            settings.requireSrtp());
    node[0] =
        SipNode.start(
            "teams-proxy",
            bind,
            listenPoints(settings),
            tlsFiles(settings.tls(), true),
            settings::resolve,
            journal,
            new ProxyRequests(services, checks));
    this.proxy = node[0];
    this.pings = new SbcPings(services);
    pings.start();
    this.teamsCalls = new TeamsCallRoutes(services);
  }

  /** Registers the control routes through which simulated Teams users call out. */
  public void register(HttpRoutes routes) {
    teamsCalls.register(routes);
  }

  /** The listening points of the emulated proxies. */
  public List<ListenPoint> listenPoints() {
    return proxy.listenPoints();
  }

  /** The listening point for {@code fqdn} and {@code transport}. */
  public ListenPoint listenPoint(String fqdn, SipTransport transport) {
    return proxy.listenPoints().stream()
        .filter(p -> p.name().equals(fqdn) && p.transport() == transport)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + transport + " listener " + fqdn));
  }

  /** The names of the inbound checks, in the order they run. */
  public List<String> checkOrder() {
    return checks.order();
  }

  /** Calls in progress. */
  public int activeCalls() {
    return services.active.total();
  }

  /** OPTIONS freshness of the SBCs. */
  public SbcHealth health() {
    return services.health;
  }

  public DirectRoutingSettings settings() {
    return settings;
  }

  private static List<ListenPoint> listenPoints(DirectRoutingSettings settings) {
    List<ListenPoint> points = new ArrayList<>();
    for (DirectRoutingSettings.ProxyPorts ports : settings.proxies()) {
      if (ports.tlsPort() > 0 && settings.tls() != null) {
        points.add(new ListenPoint(ports.fqdn(), SipTransport.TLS, ports.tlsPort()));
      }
      if (ports.tcpPort() > 0) {
        points.add(new ListenPoint(ports.fqdn(), SipTransport.TCP, ports.tcpPort()));
      }
      if (ports.udpPort() > 0) {
        points.add(new ListenPoint(ports.fqdn(), SipTransport.UDP, ports.udpPort()));
      }
    }
    return points;
  }

  /** JAIN-SIP reads key and trust stores from files: classpath stores are copied out first. */
  static @Nullable TlsFiles tlsFiles(
      EmulatorSettings.@Nullable TlsSettings tls, boolean requireClientCertificate) {
    if (tls == null) {
      return null;
    }
    return new TlsFiles(
        file(tls.keyStore()),
        tls.keyStorePassword(),
        file(tls.trustStore()),
        tls.trustStorePassword(),
        requireClientCertificate);
  }

  private static Path file(String location) {
    if (!location.startsWith("classpath:")) {
      return Path.of(location);
    }
    String resource = location.substring("classpath:".length());
    try (InputStream in = DirectRouting.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no classpath resource " + resource);
      }
      Path copy = Files.createTempFile("tandem-emulator-", ".p12");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() {
    pings.stop();
    proxy.close();
    media.close();
  }
}
