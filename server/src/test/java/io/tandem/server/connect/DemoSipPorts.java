package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments that move a demo-on server's SIP off the demo's fixed ports (Tandem 5070, the
 * emulator's Direct Routing proxy 5060 and carrier 5080) onto free UDP ports, so tests never clash
 * with each other or with a demo or SIPp run on the same machine: Tandem's port, the emulator's
 * ports, the demo tenant's Direct Routing trunk, and a copy of the demo's emulator world whose
 * gateway and carrier trunk point at Tandem's port.
 */
public final class DemoSipPorts {

  private final int tandem;
  private final int proxy;
  private final int carrier;
  private final List<String> arguments;

  private DemoSipPorts(Path directory) {
    try {
      tandem = freeUdpPort();
      proxy = freeUdpPort();
      carrier = freeUdpPort();
      String world;
      try (InputStream in = DemoSipPorts.class.getResourceAsStream("/demo/emulator-world.yaml")) {
        world = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(world).contains("sipSignalingPort: 5070").contains("127.0.0.1:5070");
      Path worldFile = Files.createTempFile(directory, "emulator-world-", ".yaml");
      Files.writeString(
          worldFile,
          world
              .replace("sipSignalingPort: 5070", "sipSignalingPort: " + tandem)
              .replace("127.0.0.1:5070", "127.0.0.1:" + tandem));
      arguments =
          List.of(
              "--tandem.microsoft.emulator.world=file:" + worldFile,
              "--tandem.microsoft.emulator.direct-routing.proxy-port=" + proxy,
              "--tandem.microsoft.emulator.direct-routing.carrier-port=" + carrier,
              "--tandem.sip.udp-port=" + tandem,
              // A list from the command line replaces application.properties' list whole.
              "--tandem.sip.direct-routing[0].tenant=demo",
              "--tandem.sip.direct-routing[0].sbc-fqdn=sbc.demo.tandem.test",
              "--tandem.sip.direct-routing[0].transport=udp",
              "--tandem.sip.direct-routing[0].sbc-identity=Tandem/Connect/demo",
              "--tandem.sip.direct-routing[0].proxies=sip.pstnhub.microsoft.com:" + proxy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Free ports, with the world copy written under {@code directory}. */
  public static DemoSipPorts under(Path directory) {
    return new DemoSipPorts(directory);
  }

  /** The server arguments, to add to the test's own. */
  public List<String> arguments() {
    return arguments;
  }

  /** The test's own arguments followed by these. */
  public String[] after(String... own) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(arguments);
    return all.toArray(String[]::new);
  }

  public int tandem() {
    return tandem;
  }

  public int proxy() {
    return proxy;
  }

  public int carrier() {
    return carrier;
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
