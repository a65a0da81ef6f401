package io.tandem.emulator.directrouting;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.SystemScheduler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent SIP calls with RTP the emulator sustains: SIPp plays the SBC over UDP, {@code -Dcalls}
 * calls at {@code -Drate} calls/s, each streaming G.711 both ways for {@code -DholdSeconds}. Prints
 * SIPp's successful/failed calls, the emulator's CPU and the RTP packet rate; not part of the
 * default build. SIPp 3.6.1 (Debian) has no {@code -min_rtp_port}/{@code -max_rtp_port}: given
 * them, it printed its usage and exited at once without statistics. The README's figures come from
 * {@code emulator/scripts/direct-routing-load.sh}, which runs the emulator jar in its own JVM.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DirectRoutingLoadBenchmark {

  @Test
  void concurrentCallsWithRtp(@TempDir Path work) throws Exception {
    int calls = Integer.getInteger("calls", 500);
    int rate = Integer.getInteger("rate", 100);
    int holdSeconds = Integer.getInteger("holdSeconds", 15);
    int port = DirectRoutingFixture.freeUdpAndTcpPort();
    DirectRoutingSettings settings =
        DirectRoutingSettings.defaults()
            .withProxies(
                List.of(
                    new DirectRoutingSettings.ProxyPorts(
                        DirectRoutingSettings.PROXY_FQDNS.get(0), -1, port, port)))
            .withCarrierPort(DirectRoutingFixture.freeUdpAndTcpPort())
            .withRequireSrtp(false); // sipp 3.6.1 plays plain RTP only
    Path world =
        Path.of(DirectRoutingFixture.class.getResource("/directrouting/world-load.yaml").toURI());
    SystemScheduler scheduler = new SystemScheduler(Clock.systemUTC());
    try (Emulator emulator =
        Emulator.start(
            EmulatorSettings.defaults()
                .withWorld(world)
                .withDirectRouting(settings)
                .withJournalCapacity(10_000),
            scheduler)) {
      Path audio = work.resolve("tone.ulaw");
      Files.write(audio, SippSbcTest.tone());
      Path scenario = work.resolve("sbc-uac-rtp.xml");
      Files.writeString(scenario, SippSbcTest.scenario(audio, holdSeconds * 1000));
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long started = System.nanoTime();
      Process sipp =
          new ProcessBuilder(
                  "/usr/bin/sipp",
                  "127.0.0.1:" + port,
                  "-sf",
                  scenario.toString(),
                  "-s",
                  "+14255550101",
                  "-i",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(DirectRoutingFixture.freeUdpAndTcpPort()),
                  "-m",
                  Integer.toString(calls),
                  "-r",
                  Integer.toString(rate),
                  "-l",
                  Integer.toString(calls),
                  "-timeout",
                  (holdSeconds + calls / rate + 60) + "s",
                  "-nostdin",
                  "-max_socket",
                  "65000",
                  "-trace_stat",
                  "-stf",
                  work.resolve("stat.csv").toString())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("sipp.out").toFile())
              .start();
      int peak = 0;
      while (!sipp.waitFor(1, TimeUnit.SECONDS)) {
        peak = Math.max(peak, emulator.directRouting().activeCalls());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      String stats = Files.readString(work.resolve("stat.csv"));
      String[] lines = stats.strip().split("\n");
      String[] head = lines[0].split(";");
      String[] last = lines[lines.length - 1].split(";");
      System.out.printf(
          "calls=%d rate=%d/s hold=%ds peakConcurrent=%d wall=%.1fs emulatorCpu=%.1fs (%.0f%% of one core)"
              + " rtpOut≈%d pkt/s at peak sipp exit=%d%n",
          calls,
          rate,
          holdSeconds,
          peak,
          seconds,
          cpu,
          100 * cpu / seconds,
          peak * 50,
          sipp.exitValue());
      for (int i = 0; i < head.length && i < last.length; i++) {
        if (head[i].matches("(SuccessfulCall|FailedCall|OutgoingCall)\\(C\\)")) {
          System.out.println(head[i] + " = " + last[i]);
        }
      }
    } finally {
      scheduler.close();
    }
  }
}
