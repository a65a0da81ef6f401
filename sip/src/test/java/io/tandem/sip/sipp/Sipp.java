package io.tandem.sip.sipp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the real {@code sipp} binary (Debian {@code sip-tester} 3.6.1) with a scenario from
 * the test resources {@code sipp/}: copied with the media files it plays into a fresh work
 * directory, started as a subprocess there, always bounded by sipp's own {@code -timeout} and a
 * wait a little longer than it.
 *
 * <p>A scenario declares its injectable keys and their defaults in a {@code <!-- keys: name=value
 * ... -->} comment; {@link #key} overrides one. {@link #run} plays a client (UAC) to the end;
 * {@link #startUas} starts a server (UAS) and returns once it listens.
 *
 * <p>Not thread-safe: configure and start from one thread.
 */
public final class Sipp {

  /** The binary CI installs with {@code apt-get install sip-tester}. */
  public static final Path BINARY = Path.of("/usr/bin/sipp");

  private static final Pattern KEYS = Pattern.compile("<!--\\s*keys:([^>]*?)-->");

  /** SIP transport: {@code -t u1} (UDP, one socket) or {@code -t t1} (TCP, one connection). */
  public enum Transport {
    UDP("u1"),
    TCP("t1");

    final String flag;

    Transport(String flag) {
      this.flag = flag;
    }
  }

  private final String scenario;
  private final Map<String, String> keys;
  private String remote = "";
  private String localHost = "127.0.0.1";
  private int localPort;
  private Transport transport = Transport.UDP;
  private int calls = 1;
  private double rate = 10;
  private String service = "+15550100";
  private Duration pause = Duration.ZERO;
  private Duration timeout = Duration.ofSeconds(20);
  private boolean rtpEcho;
  private final List<String> extra = new ArrayList<>();

  private Sipp(String scenario) {
    this.scenario = scenario;
    this.keys = declaredKeys(resourceText(scenario));
  }

  /** True when the sipp binary is installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** A JUnit assumption: the calling test is skipped, not failed, without sipp. */
  public static void assumeAvailable() {
    assumeTrue(available(), "sipp is not installed: apt-get install -y sip-tester");
  }

  /**
   * A run of the scenario at {@code sipp/<name>} in the test resources, e.g. "teams-busy-486.xml".
   */
  public static Sipp scenario(String name) {
    return new Sipp(name);
  }

  /** The keys the scenario declares, with their defaults (in declaration order). */
  public static Map<String, String> declaredKeys(String scenarioText) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher matcher = KEYS.matcher(scenarioText);
    if (matcher.find()) {
      for (String pair : matcher.group(1).trim().split("\\s+")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          found.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return found;
  }

  /** Where a client sends its first request; a server ignores it. */
  public Sipp remote(String host, int port) {
    this.remote = host + ":" + port;
    return this;
  }

  /** The local address to bind ({@code -i}); 127.0.0.1 unless set (any 127.x.y.z works). */
  public Sipp localHost(String address) {
    this.localHost = address;
    return this;
  }

  /** The local SIP port ({@code -p}); a free one unless set. */
  public Sipp localPort(int port) {
    this.localPort = port;
    return this;
  }

  public Sipp transport(Transport transport) {
    this.transport = transport;
    return this;
  }

  /** Calls to place, or to take before a server exits ({@code -m}). */
  public Sipp calls(int calls) {
    this.calls = calls;
    return this;
  }

  /** New calls per second ({@code -r}, fractional allowed through {@code -rp}). */
  public Sipp rate(double callsPerSecond) {
    this.rate = callsPerSecond;
    return this;
  }

  /** The {@code [service]} user part, the dialled number ({@code -s}). */
  public Sipp service(String service) {
    this.service = service;
    return this;
  }

  /** Overrides one of the scenario's declared keys ({@code -key name value}). */
  public Sipp key(String name, String value) {
    if (!keys.containsKey(name)) {
      throw new IllegalArgumentException(scenario + " declares no key " + name + ": " + keys);
    }
    keys.put(name, value);
    return this;
  }

  /** The default pause ({@code -d}) a scenario's {@code <pause/>} without duration waits. */
  public Sipp pause(Duration pause) {
    this.pause = pause;
    return this;
  }

  /** sipp's global timeout ({@code -timeout}, counted as a failure): it always stops by then. */
  public Sipp timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Echoes the RTP it receives back to its sender ({@code -rtp_echo}). */
  public Sipp rtpEcho() {
    this.rtpEcho = true;
    return this;
  }

  /** Raw extra arguments appended as given. */
  public Sipp option(String... arguments) {
    extra.addAll(List.of(arguments));
    return this;
  }

  /** Plays the scenario as a client to the end and returns what sipp reported. */
  public SippResult run() {
    try (SippProcess process = start(false)) {
      return process.awaitExit(timeout.plusSeconds(10));
    }
  }

  /** Starts the scenario as a server and returns once it listens on its port. */
  public SippProcess startUas() {
    return start(true);
  }

  private SippProcess start(boolean server) {
    try {
      Path work = Files.createTempDirectory("sipp-");
      Path file = work.resolve(Path.of(scenario).getFileName().toString());
      Files.writeString(file, resourceText(scenario));
      SippMedia.writeAll(work);
      int port = localPort != 0 ? localPort : LoopbackPorts.free();
      List<String> command = new ArrayList<>(List.of(BINARY.toString()));
      if (!server) {
        command.add(remote);
      }
      command.addAll(
          List.of(
              "-sf",
              file.getFileName().toString(),
              "-i",
              localHost,
              "-p",
              Integer.toString(port),
              "-mp",
              Integer.toString(LoopbackPorts.freeMedia()),
              "-t",
              transport.flag,
              "-m",
              Integer.toString(calls),
              "-s",
              service,
              "-d",
              Long.toString(pause.toMillis()),
              "-timeout",
              timeout.toMillis() + "ms",
              "-timeout_error",
              "-max_retrans",
              "3",
              "-nostdin",
              "-trace_stat",
              "-stf",
              "stat.csv",
              "-fd",
              "1",
              "-trace_screen",
              "-screen_file",
              "screen.log",
              "-trace_err",
              "-error_file",
              "errors.log"));
      if (!server) {
        command.addAll(List.of("-r", Long.toString(Math.round(rate * 1000)), "-rp", "1000"));
      }
      if (rtpEcho) {
        command.add("-rtp_echo");
      }
      keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
      command.addAll(extra);
      Process process =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("sipp.out").toFile())
              .start();
      SippProcess started = new SippProcess(process, work, port, command);
      if (server) {
        started.awaitListening(transport, localHost, Duration.ofSeconds(5));
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resourceText(String name) {
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no scenario sipp/" + name + " in the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
