package io.tandem.emulator;

import io.tandem.emulator.directrouting.DirectRoutingSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the emulator runs. Every key is documented once, with its default, in {@code
 * emulator/README.md}.
 *
 * @param bindAddress address the HTTP(S) and SIP listeners bind (default 127.0.0.1)
 * @param httpPort plain-HTTP port for Graph, Entra, ACS and the control API (0 = any free port)
 * @param httpsPort HTTPS port for the same routes, or -1 for none (needs {@code tls})
 * @param tls key store with the emulator's certificate and the trust anchors it accepts, or null
 * @param journalCapacity how many journal entries are kept (oldest dropped first)
 * @param outboundTimeout connect and reply timeout for requests the emulator sends to applications
 * @param world the world configuration file, or null for an empty world
 * @param directRouting the Direct Routing SIP interface's settings, or null to run without SIP
 */
public record EmulatorSettings(
    InetAddress bindAddress,
    int httpPort,
    int httpsPort,
    @Nullable TlsSettings tls,
    int journalCapacity,
    Duration outboundTimeout,
    @Nullable Path world,
    @Nullable DirectRoutingSettings directRouting) {

  /**
   * Loopback, any free HTTP port, no HTTPS, 100,000 journal entries, 10 s timeouts, empty world.
   */
  public static EmulatorSettings defaults() {
    return new EmulatorSettings(
        InetAddress.getLoopbackAddress(), 0, -1, null, 100_000, Duration.ofSeconds(10), null, null);
  }

  public EmulatorSettings withHttpPort(int port) {
    return new EmulatorSettings(
        bindAddress, port, httpsPort, tls, journalCapacity, outboundTimeout, world, directRouting);
  }

  public EmulatorSettings withHttps(int port, TlsSettings material) {
    return new EmulatorSettings(
        bindAddress,
        httpPort,
        port,
        material,
        journalCapacity,
        outboundTimeout,
        world,
        directRouting);
  }

  public EmulatorSettings withWorld(@Nullable Path file) {
    return new EmulatorSettings(
        bindAddress,
        httpPort,
        httpsPort,
        tls,
        journalCapacity,
        outboundTimeout,
        file,
        directRouting);
  }

  public EmulatorSettings withJournalCapacity(int entries) {
    return new EmulatorSettings(
        bindAddress, httpPort, httpsPort, tls, entries, outboundTimeout, world, directRouting);
  }

  /** These settings with the Direct Routing SIP interface on (or off, with null). */
  public EmulatorSettings withDirectRouting(@Nullable DirectRoutingSettings sip) {
    return new EmulatorSettings(
        bindAddress, httpPort, httpsPort, tls, journalCapacity, outboundTimeout, world, sip);
  }

  /**
   * A PKCS#12 key store holding the emulator's key and certificate chain, and a PKCS#12 trust store
   * with the anchors the emulator trusts (for HTTPS callbacks and SBC certificates). Locations are
   * file paths or {@code classpath:} resources.
   */
  public record TlsSettings(
      String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {

    /** The private test PKI shipped in the emulator jar (emulator/scripts/make-test-pki.sh). */
    public static TlsSettings testPki() {
      return new TlsSettings(
          "classpath:test-pki/emulator.p12",
          "changeit",
          "classpath:test-pki/truststore.p12",
          "changeit");
    }
  }
}
