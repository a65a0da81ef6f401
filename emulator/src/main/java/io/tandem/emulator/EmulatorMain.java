package io.tandem.emulator;

import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar tandem-emulator.jar [--world world.yaml] [--http-port 8400] [--https-port 8443]
 * [--sip ...]}: runs the emulator alone until interrupted. HTTPS and SIP over TLS use the private
 * test PKI shipped in the jar. The options are listed in {@link #USAGE} and documented in {@code
 * emulator/README.md}.
 */
public final class EmulatorMain {

  static final String USAGE =
      """
      usage: java -jar tandem-emulator.jar [options]
        --world file.yaml          the world (tenants, users, resource accounts, ACS, carrier trunks)
        --http-port n              plain HTTP port (default 8400)
        --https-port n             HTTPS port with the test PKI (default off)
        --journal-capacity n       journal entries kept (default 100000)
        --sip                      serve SIP: Direct Routing proxies and the carrier trunks
        --sip-port-base n          sip/sip2/sip3 TCP+UDP on n, n+2, n+4 and TLS on n+1, n+3, n+5
                                   (default 5060: Microsoft's 5061/5063/5065 for TLS)
        --sip-proxies n            how many of sip, sip2, sip3 listen (1-3, default 3)
        --sip-transports list      comma-separated of udp, tcp, tls (default udp,tcp,tls)
        --sip-max-calls n          concurrent calls before 503 (default 10000)
        --carrier-port n           the carrier trunks' UDP+TCP port (default 5080; TLS on n+1)
        --teams-audio what         what the Teams side plays: tone:<hz>, silence or a WAV path
        --sip-require-srtp b       media processors take only SRTP (SDES) from SBCs: true (default,
                                   as Microsoft) or false (plain RTP/AVP accepted too)
      Any --sip-* or --carrier-port option turns SIP on.""";

  private static final Set<String> OPTIONS_WITH_VALUES =
      Set.of(
          "--world",
          "--http-port",
          "--https-port",
          "--journal-capacity",
          "--sip-port-base",
          "--sip-proxies",
          "--sip-transports",
          "--sip-max-calls",
          "--carrier-port",
          "--teams-audio",
          "--sip-require-srtp");

  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    EmulatorSettings settings;
    try {
      settings = settings(args);
    } catch (IllegalArgumentException usage) {
      System.err.println(usage.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SystemScheduler scheduler = new SystemScheduler(Clock.systemUTC());
    Emulator emulator = Emulator.start(settings, scheduler);
    System.out.println(
        "Tandem emulator: "
            + emulator.httpBaseUrl()
            + (emulator.httpsBaseUrl() == null ? "" : " and " + emulator.httpsBaseUrl()));
    if (emulator.directRouting() != null) {
      emulator.directRouting().listenPoints().stream()
          .map(p -> "  SIP " + p.name() + " " + p.transport().token() + " " + p.port())
          .sorted()
          .forEach(System.out::println);
    }
    if (emulator.carrierTrunks() != null) {
      System.out.println(
          "  carrier trunks " + settings.directRouting().carrierPort() + " (udp, tcp)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  scheduler.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** The settings {@code args} ask for; throws {@link IllegalArgumentException} on bad usage. */
  static EmulatorSettings settings(String... args) {
    EmulatorSettings settings = EmulatorSettings.defaults().withHttpPort(8400);
    SipOptions sip = new SipOptions();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--sip")) {
        sip.on = true;
        continue;
      }
      if (!OPTIONS_WITH_VALUES.contains(option)) {
        throw new IllegalArgumentException("unknown option " + option);
      }
      String value = required(option, i + 1 < args.length ? args[i + 1] : null);
      i++;
      switch (option) {
        case "--world" -> settings = settings.withWorld(Path.of(value));
        case "--http-port" -> settings = settings.withHttpPort(port(option, value));
        case "--https-port" ->
            settings =
                settings.withHttps(port(option, value), EmulatorSettings.TlsSettings.testPki());
        case "--journal-capacity" ->
            settings = settings.withJournalCapacity(positive(option, value));
        case "--sip-port-base" -> sip.portBase = port(option, value);
        case "--sip-proxies" -> sip.proxies = positive(option, value);
        case "--sip-transports" -> sip.transports = transports(value);
        case "--sip-max-calls" -> sip.maxCalls = positive(option, value);
        case "--carrier-port" -> sip.carrierPort = port(option, value);
        case "--teams-audio" -> sip.teamsAudio = value;
        case "--sip-require-srtp" -> sip.requireSrtp = bool(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
      if (option.startsWith("--sip-") || option.equals("--carrier-port")) {
        sip.on = true;
      }
    }
    return sip.on ? settings.withDirectRouting(sip.settings()) : settings;
  }

  /** The SIP options given, turned into Direct Routing settings. */
  private static final class SipOptions {
    boolean on;
    int portBase = 5060;
    int proxies = 3;
    Set<String> transports = Set.of("udp", "tcp", "tls");
    int maxCalls = -1;
    int carrierPort = -1;
    @Nullable String teamsAudio;
    boolean requireSrtp = true;

    DirectRoutingSettings settings() {
      if (proxies > DirectRoutingSettings.PROXY_FQDNS.size()) {
        throw new IllegalArgumentException("--sip-proxies must be 1, 2 or 3");
      }
      if (portBase + 5 > 65535) {
        throw new IllegalArgumentException("--sip-port-base leaves no room for sip2 and sip3");
      }
      List<DirectRoutingSettings.ProxyPorts> ports = new ArrayList<>();
      for (int i = 0; i < proxies; i++) {
        int plain = portBase + 2 * i;
        ports.add(
            new DirectRoutingSettings.ProxyPorts(
                DirectRoutingSettings.PROXY_FQDNS.get(i),
                transports.contains("tls") ? plain + 1 : -1,
                transports.contains("tcp") ? plain : -1,
                transports.contains("udp") ? plain : -1));
      }
      DirectRoutingSettings sip = DirectRoutingSettings.defaults().withProxies(ports);
      if (maxCalls > 0) {
        sip = sip.withMaxConcurrentCalls(maxCalls);
      }
      if (carrierPort > 0) {
        sip = sip.withCarrierPort(carrierPort);
      }
      if (teamsAudio != null) {
        sip = sip.withTeamsAudio(teamsAudio);
      }
      return sip.withRequireSrtp(requireSrtp);
    }
  }

  private static boolean bool(String option, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(option + " takes true or false, not " + value);
    };
  }

  private static Set<String> transports(String list) {
    Set<String> transports = new java.util.HashSet<>();
    for (String token : list.split(",")) {
      String transport = token.trim().toLowerCase(Locale.ROOT);
      if (!Set.of("udp", "tcp", "tls").contains(transport)) {
        throw new IllegalArgumentException("--sip-transports takes udp, tcp and tls: " + list);
      }
      transports.add(transport);
    }
    return transports;
  }

  private static int port(String option, String value) {
    int port = positive(option, value);
    if (port > 65535) {
      throw new IllegalArgumentException(option + " must be a port (1-65535): " + value);
    }
    return port;
  }

  private static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number < 1) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(option + " needs a positive number: " + value);
    }
  }

  private static String required(String option, @Nullable String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
