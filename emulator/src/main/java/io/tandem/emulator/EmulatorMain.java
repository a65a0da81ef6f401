package io.tandem.emulator;

import io.tandem.emulator.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar tandem-emulator.jar [--world world.yaml] [--http-port 8400] [--https-port
 * 8443]}: runs the emulator alone until interrupted. HTTPS uses the private test PKI shipped in the
 * jar.
 */
public final class EmulatorMain {

  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    EmulatorSettings settings = EmulatorSettings.defaults().withHttpPort(8400);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--world" -> settings = settings.withWorld(Path.of(required(args[i], value)));
        case "--http-port" ->
            settings = settings.withHttpPort(Integer.parseInt(required(args[i], value)));
        case "--https-port" ->
            settings =
                settings.withHttps(
                    Integer.parseInt(required(args[i], value)),
                    EmulatorSettings.TlsSettings.testPki());
        default -> {
          System.err.println("unknown option " + args[i]);
          System.err.println(
              "usage: java -jar tandem-emulator.jar [--world file.yaml] [--http-port n] [--https-port n]");
          System.exit(2);
        }
      }
      i++;
    }
    SystemScheduler scheduler = new SystemScheduler(Clock.systemUTC());
    Emulator emulator = Emulator.start(settings, scheduler);
    System.out.println(
        "Tandem emulator: "
            + emulator.httpBaseUrl()
            + (emulator.httpsBaseUrl() == null ? "" : " and " + emulator.httpsBaseUrl()));
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

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
