package io.tandem.emulator.directrouting;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.ManualScheduler;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An emulator with Direct Routing on free loopback ports (sip, sip2, sip3 each with TLS, TCP and
 * UDP), the {@code directrouting/world.yaml} world and a manual clock.
 */
final class DirectRoutingFixture implements AutoCloseable {

  final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final Emulator emulator;
  final DirectRouting sip;

  DirectRoutingFixture() throws Exception {
    this(settings -> settings);
  }

  DirectRoutingFixture(UnaryOperator<DirectRoutingSettings> change) throws Exception {
    Path world =
        Path.of(DirectRoutingFixture.class.getResource("/directrouting/world.yaml").toURI());
    emulator = startOnFreePorts(change, world);
    sip = emulator.directRouting();
  }

  /**
   * Starts the emulator on ports that were free a moment ago; another process may take one in
   * between, so a start that fails to bind is retried on fresh ports.
   */
  private Emulator startOnFreePorts(UnaryOperator<DirectRoutingSettings> change, Path world)
      throws Exception {
    IllegalStateException lastBindFailure = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      List<DirectRoutingSettings.ProxyPorts> ports = new ArrayList<>();
      for (String fqdn : DirectRoutingSettings.PROXY_FQDNS) {
        int plain = freeUdpAndTcpPort();
        ports.add(new DirectRoutingSettings.ProxyPorts(fqdn, freeUdpAndTcpPort(), plain, plain));
      }
      DirectRoutingSettings settings =
          change.apply(
              DirectRoutingSettings.defaults()
                  .withProxies(ports)
                  .withCarrierPort(freeUdpAndTcpPort()));
      try {
        return Emulator.start(
            EmulatorSettings.defaults().withWorld(world).withDirectRouting(settings), clock);
      } catch (IllegalStateException bindFailed) {
        if (!String.valueOf(bindFailed.getMessage()).contains("in use")) {
          throw bindFailed;
        }
        lastBindFailure = bindFailed;
      }
    }
    throw java.util.Objects.requireNonNull(lastBindFailure);
  }

  /** Waits up to 2 s for every call to end, then asserts none is left active. */
  void assertNoCallLeft() throws InterruptedException {
    for (int i = 0; i < 100 && sip.activeCalls() > 0; i++) {
      Thread.sleep(20);
    }
    org.assertj.core.api.Assertions.assertThat(sip.activeCalls()).as("calls left active").isZero();
  }

  int port(String fqdn, String transport) {
    return sip.listenPoint(fqdn, io.tandem.emulator.directrouting.sip.SipTransport.of(transport))
        .port();
  }

  int port(String transport) {
    return port(DirectRoutingSettings.PROXY_FQDNS.get(0), transport);
  }

  List<JournalEntry> journal(String kindPrefix) {
    return emulator
        .journal()
        .after(0, e -> e.channel() == Channel.SIP && e.kind().startsWith(kindPrefix), 10_000);
  }

  /** The first journal entry of {@code kind} for {@code callId}, polled for up to five seconds. */
  JournalEntry awaitJournal(String kind, String callId) throws InterruptedException {
    for (int i = 0; i < 250; i++) {
      List<JournalEntry> found =
          journal(kind).stream().filter(e -> callId.equals(e.callId())).toList();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + kind + " for " + callId + " in the journal");
  }

  /** Waits for a Teams client event ({@code user.ringing} …) of {@code user} on {@code callId}. */
  void awaitWorld(String kind, String callId, String user) throws InterruptedException {
    for (int i = 0; i < 250; i++) {
      boolean found =
          !emulator
              .journal()
              .after(
                  0,
                  e ->
                      e.channel() == Channel.WORLD
                          && e.kind().equals(kind)
                          && callId.equals(e.callId())
                          && user.equals(e.attributes().get("user")),
                  1)
              .isEmpty();
      if (found) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + kind + " of " + user + " for " + callId);
  }

  static int freeUdpAndTcpPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket tcp = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port for both UDP and TCP");
  }

  @Override
  public void close() {
    emulator.close();
  }
}
