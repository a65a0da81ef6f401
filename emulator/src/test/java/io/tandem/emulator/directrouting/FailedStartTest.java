package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.ManualScheduler;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * An emulator whose start fails half-way (a port in use) closes what it had started: no SIP stack
 * thread is left listening on its ports, and a second start on the same ports succeeds.
 */
class FailedStartTest {

  private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));

  @Test
  void httpPortTaken_startFails_andReleasesTheProxiesAndCarrierStartedBefore() throws Exception {
    EmulatorSettings settings = onFreeSipPorts();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Emulator.start(settings.withHttpPort(taken.getLocalPort()), clock))
          .isInstanceOf(BindException.class);
    }
    awaitPortsReleased(sipPorts(settings));

    try (Emulator again = Emulator.start(settings, clock)) {
      assertThat(Objects.requireNonNull(again.directRouting()).listenPoints()).hasSize(9);
      assertThat(again.carrierTrunks()).isNotNull();
    }
  }

  @Test
  void lastProxyPortTaken_startFails_andReleasesThePortsOpenedBeforeIt() throws Exception {
    EmulatorSettings settings = onFreeSipPorts();
    DirectRoutingSettings sip = Objects.requireNonNull(settings.directRouting());
    int last = sip.proxies().get(2).udpPort();
    try (DatagramSocket taken = new DatagramSocket(last, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Emulator.start(settings, clock))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
    awaitPortsReleased(sipPorts(settings));

    try (Emulator again = Emulator.start(settings, clock)) {
      assertThat(Objects.requireNonNull(again.directRouting()).listenPoints()).hasSize(9);
    }
  }

  /**
   * Direct Routing on ports free a moment ago (sip, sip2, sip3 with TLS, TCP and UDP), and a world
   * with a carrier trunk so that the carrier's SIP node starts too.
   */
  private static EmulatorSettings onFreeSipPorts() throws Exception {
    String world;
    try (InputStream in = FailedStartTest.class.getResourceAsStream("/pstn/trunk/world.yaml")) {
      world = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Files.createTempFile("failed-start-world-", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(
        file,
        world
            .replace("{{ccPort}}", "1")
            .replace("{{transport}}", "udp")
            .replace("{{ccHost}}", "127.0.0.1"));
    List<DirectRoutingSettings.ProxyPorts> ports = new ArrayList<>();
    for (String fqdn : DirectRoutingSettings.PROXY_FQDNS) {
      int plain = DirectRoutingFixture.freeUdpAndTcpPort();
      ports.add(
          new DirectRoutingSettings.ProxyPorts(
              fqdn, DirectRoutingFixture.freeUdpAndTcpPort(), plain, plain));
    }
    DirectRoutingSettings sip =
        DirectRoutingSettings.defaults()
            .withProxies(ports)
            .withCarrierPort(DirectRoutingFixture.freeUdpAndTcpPort());
    return EmulatorSettings.defaults().withWorld(file).withDirectRouting(sip);
  }

  private static List<Integer> sipPorts(EmulatorSettings settings) {
    DirectRoutingSettings sip = Objects.requireNonNull(settings.directRouting());
    List<Integer> ports = new ArrayList<>();
    for (DirectRoutingSettings.ProxyPorts proxy : sip.proxies()) {
      ports.add(proxy.tlsPort());
      ports.add(proxy.tcpPort());
    }
    ports.add(sip.carrierPort());
    return ports;
  }

  /**
   * Waits up to 20 seconds (a loaded 2-core machine is slow to close) until every port of {@code
   * ports} can be bound again on loopback, over TCP and UDP. JAIN-SIP may leave a TCP processor
   * thread running after its socket closed; what must be released is the port.
   */
  private static void awaitPortsReleased(List<Integer> ports) throws InterruptedException {
    List<Integer> bound = List.of();
    for (int i = 0; i < 1000; i++) {
      bound = ports.stream().filter(port -> !bindable(port)).toList();
      if (bound.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(bound).as("SIP ports still bound").isEmpty();
  }

  private static boolean bindable(int port) {
    java.net.InetSocketAddress address =
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try (ServerSocket tcp = new ServerSocket();
        java.net.DatagramSocket udp = new java.net.DatagramSocket(null)) {
      tcp.setReuseAddress(true);
      tcp.bind(address);
      udp.bind(address);
      return true;
    } catch (java.io.IOException stillBound) {
      return false;
    }
  }
}
