package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.media.codec.G711;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp (Debian package {@code sip-tester}) plays the SBC: three calls to a Teams user over UDP,
 * each streaming G.711 for two seconds, answered by the emulated proxy and hung up with BYE.
 * Skipped when the {@code sipp} binary is absent.
 */
class SippSbcTest {

  static final Path SIPP = Path.of("/usr/bin/sipp");

  @Test
  void sippSbc_threeCallsWithRtp_allSucceed(@TempDir Path work) throws Exception {
    assumeTrue(Files.isExecutable(SIPP), "sipp is not installed: apt-get install -y sip-tester");
    // sipp 3.6.1 plays plain RTP only: this SBC is let through with SRTP not required.
    try (DirectRoutingFixture fixture =
        new DirectRoutingFixture(settings -> settings.withRequireSrtp(false))) {
      fixture
          .emulator
          .world()
          .changeClient(
              "11111111-aaaa-4bbb-8ccc-000000000001",
              new ClientBehaviour(
                  Duration.ZERO, ClientBehaviour.Response.ANSWER, null, null, null, null));
      Path audio = work.resolve("tone.ulaw");
      Files.write(audio, tone());
      Path scenario = work.resolve("sbc-uac-rtp.xml");
      Files.writeString(scenario, scenario(audio, 2000));
      AtomicBoolean running = new AtomicBoolean(true);
      Thread clock =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (running.get()) {
                      fixture.clock.advance(Duration.ofMillis(20));
                      try {
                        Thread.sleep(20);
                      } catch (InterruptedException stop) {
                        return;
                      }
                    }
                  });
      Process sipp =
          new ProcessBuilder(
                  List.of(
                      SIPP.toString(),
                      "127.0.0.1:" + fixture.port("udp"),
                      "-sf",
                      scenario.toString(),
                      "-s",
                      "+14255550101",
                      "-i",
                      "127.0.0.1",
                      "-p",
                      Integer.toString(DirectRoutingFixture.freeUdpAndTcpPort()),
                      "-m",
                      "3",
                      "-r",
                      "3",
                      "-l",
                      "3",
                      "-timeout",
                      "20s",
                      "-nostdin",
                      "-trace_err",
                      "-error_file",
                      work.resolve("errors.log").toString()))
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("sipp.out").toFile())
              .start();
      boolean finished = sipp.waitFor(30, TimeUnit.SECONDS);
      running.set(false);
      clock.join();
      if (!finished) {
        sipp.destroyForcibly();
      }
      String errors =
          Files.exists(work.resolve("errors.log"))
              ? Files.readString(work.resolve("errors.log"))
              : "";
      assertThat(finished).as("sipp finished in time").isTrue();
      assertThat(sipp.exitValue())
          .as("sipp exit code (0 = all calls succeeded)\n" + errors)
          .isZero();
      assertThat(fixture.journal("call.connected")).hasSize(3);
      assertThat(fixture.journal("call.ended")).hasSize(3);
    }
  }

  /** One second of a 440 Hz tone in µ-law, as SIPp's rtp_stream wants it (raw, 8 kHz). */
  static byte[] tone() {
    short[] samples = new short[8000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
    }
    return G711.PCMU.encode(samples);
  }

  static String scenario(Path audio, int callMillis) throws Exception {
    try (InputStream in =
        SippSbcTest.class.getResourceAsStream("/directrouting/sipp/sbc-uac-rtp.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("[rtp_file]", audio.toString())
          .replace("[call_ms]", Integer.toString(callMillis));
    }
  }
}
