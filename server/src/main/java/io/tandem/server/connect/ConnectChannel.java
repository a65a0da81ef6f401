package io.tandem.server.connect;

import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.media.clock.PhasedPacer;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.server.api.CallControlSource;
import io.tandem.sip.b2bua.ConnectNode;
import io.tandem.sip.b2bua.ConnectSettings;
import io.tandem.sip.media.DefaultPromptAudio;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.stack.EndpointSettings;
import io.tandem.sip.stack.ListenPoint;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.TrunkPlan;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * Tandem as a tenant's Direct Routing SBC (the Connect model): the {@code sip} module's {@link
 * ConnectNode} on {@code tandem.sip.*}'s ports, with the server's tenants ({@link ServerTenants})
 * and prompts (the prompts directory, text rendered by the server's text-to-speech).
 */
public final class ConnectChannel implements AutoCloseable, CallControlSource {

  /** The {@code channel.model} attribute's value on the interactions of this channel. */
  public static final String CONNECT_MODEL = "connect";

  private final ConnectNode node;
  private final ExecutorService lanes;
  private final ScheduledExecutorService pacerThread;

  private ConnectChannel(
      ConnectNode node, ExecutorService lanes, ScheduledExecutorService pacerThread) {
    this.node = node;
    this.lanes = lanes;
    this.pacerThread = pacerThread;
  }

  /**
   * Starts the node.
   *
   * @throws IllegalStateException when an address cannot be bound
   */
  static ConnectChannel start(
      ConnectProperties properties,
      ServerTenants tenants,
      Path promptsDirectory,
      TextToSpeech speech,
      ScheduledExecutorService timers,
      Clock clock) {
    ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService pacerThread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "tandem-sip-pacer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      InetAddress bind = InetAddress.getByName(properties.bindAddress());
      PhasedPacer pacer = new PhasedPacer(pacerThread, System::nanoTime);
      String entryFlow = properties.entryFlow();
      ConnectNode node =
          ConnectNode.start(
              new ConnectSettings(
                  t -> t.flow(entryFlow),
                  properties.userAgent(),
                  properties.announcementInterval(),
                  properties.rtp().timeout(),
                  properties.minSessionInterval(),
                  properties.maxCalls()),
              new EndpointSettings(
                  "tandem-connect",
                  bind,
                  listenPoints(properties),
                  properties.tlsPort() == -1 ? null : properties.tls().material(),
                  resolver(properties),
                  properties.connections().limits()),
              new TrunkPlan(
                  properties.inboundTrunks(),
                  properties.directRoutingTrunks(),
                  properties.outboundTrunks(),
                  clock),
              new RtpPorts(bind, properties.rtp().firstPort(), properties.rtp().lastPort(), pacer),
              new DefaultPromptAudio(
                  Files.isDirectory(promptsDirectory) ? promptsDirectory : null, speech),
              pacer,
              tenants,
              lanes,
              new MailboxScheduler(clock, timers, lanes),
              clock);
      tenants.listenWith(node::listener);
      return new ConnectChannel(node, lanes, pacerThread);
    } catch (UnknownHostException | RuntimeException e) {
      lanes.shutdownNow();
      pacerThread.shutdownNow();
      throw new IllegalStateException(
          "cannot start Connect (SIP) on "
              + properties.bindAddress()
              + " (udp "
              + properties.udpPort()
              + ", tcp "
              + properties.tcpPort()
              + ", tls "
              + properties.tlsPort()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** The agent's call control of the tenant's calls on this node (every tenant may have some). */
  @Override
  public Optional<CallControl> callControl(TenantId tenant) {
    return Optional.of(node.callControl(tenant));
  }

  /** Calls in progress (caller legs). */
  public int activeCalls() {
    return node.activeCalls();
  }

  /** Each Microsoft proxy's health as the node tracks it. */
  public Map<String, Integer> proxyHealth() {
    return node.proxyHealth();
  }

  /** Where the node listens. */
  public List<ListenPoint> listenPoints() {
    return node.endpoint().listenPoints();
  }

  private static List<ListenPoint> listenPoints(ConnectProperties properties) {
    List<ListenPoint> points = new ArrayList<>();
    if (properties.udpPort() != -1) {
      points.add(new ListenPoint(Transport.UDP, properties.udpPort()));
    }
    if (properties.tcpPort() != -1) {
      points.add(new ListenPoint(Transport.TCP, properties.tcpPort()));
    }
    if (properties.tlsPort() != -1) {
      points.add(new ListenPoint(Transport.TLS, properties.tlsPort()));
    }
    return points;
  }

  private static UnaryOperator<String> resolver(ConnectProperties properties) {
    String fixed = properties.resolveHostsTo();
    return fixed == null || fixed.isBlank() ? UnaryOperator.identity() : host -> fixed;
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      lanes.shutdownNow();
      pacerThread.shutdownNow();
    }
  }
}
