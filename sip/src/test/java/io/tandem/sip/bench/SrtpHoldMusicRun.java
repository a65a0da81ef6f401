package io.tandem.sip.bench;

import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.EncodedClip;
import io.tandem.media.clock.PhasedPacer;
import io.tandem.media.prompts.MusicOnHold;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpSuite;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Music on hold as Tandem sends it ({@link RtpSession}s playing one shared {@link EncodedClip} on
 * one {@link PhasedPacer} thread), with and without SRTP, measuring the pacer's tick lateness (the
 * sender's jitter) and the process CPU. Run by hand:
 *
 * <pre>
 * ./mvnw -B -q -o -pl core,media,emulator,identity,sip -am test -Dtest=SrtpHoldMusicRun \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dsrtp.bench=true [-Dsrtp.callers=2000] [-Dsrtp.seconds=20]
 * </pre>
 */
@EnabledIfSystemProperty(named = "srtp.bench", matches = "true")
class SrtpHoldMusicRun {

  @Test
  void holdMusic_withAndWithoutSrtp() throws Exception {
    int callers = Integer.getInteger("srtp.callers", 2000);
    Duration run = Duration.ofSeconds(Integer.getInteger("srtp.seconds", 20));
    EncodedClip music = new EncodedClip(MusicOnHold.generate());
    for (boolean srtp : new boolean[] {false, true, false, true}) {
      measure(callers, run, music, srtp);
    }
  }

  private static void measure(int callers, Duration run, EncodedClip music, boolean srtp)
      throws Exception {
    ScheduledExecutorService pacerThread = Executors.newSingleThreadScheduledExecutor();
    TickLateness lateness = new TickLateness();
    MeasuringPacer pacer =
        new MeasuringPacer(
            new PhasedPacer(pacerThread, System::nanoTime), System::nanoTime, lateness);
    AtomicLong received = new AtomicLong();
    List<RtpSession> sessions = new ArrayList<>();
    try (DatagramChannel sink = DatagramChannel.open()) {
      sink.bind(new InetSocketAddress("127.0.0.1", 0));
      Thread drain =
          Thread.ofVirtual()
              .start(
                  () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(1500);
                    while (sink.isOpen()) {
                      try {
                        buffer.clear();
                        sink.receive(buffer);
                        received.incrementAndGet();
                      } catch (java.io.IOException closed) {
                        return;
                      }
                    }
                  });
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < callers; i++) {
        RtpSession session =
            RtpSession.open(
                RtpSessionOptions.defaults().withSymmetricLatching(false),
                pacer,
                RtpListener.IGNORE);
        session.connect((InetSocketAddress) sink.getLocalAddress());
        if (srtp) {
          session.protect(
              new SrtpKeys(
                  SrtpSuite.AES_CM_128_HMAC_SHA1_80,
                  MasterKey.random(random),
                  MasterKey.random(random)));
        }
        session.play(ClipSource.looping(music));
        sessions.add(session);
      }
      lateness.drain();
      long pacerId = pacerThread.submit(() -> Thread.currentThread().threadId()).get();
      var threads = ManagementFactory.getThreadMXBean();
      long pacerBefore = threads.getThreadCpuTime(pacerId);
      long cpuBefore = processCpuNanos();
      long wallBefore = System.nanoTime();
      long sentBefore = sent(sessions);
      Thread.sleep(run.toMillis());
      long cpu = processCpuNanos() - cpuBefore;
      long pacerCpu = threads.getThreadCpuTime(pacerId) - pacerBefore;
      long wall = System.nanoTime() - wallBefore;
      long sent = sent(sessions) - sentBefore;
      TickLateness.Snapshot ticks = lateness.drain();
      System.out.printf(
          "srtp=%s callers=%d seconds=%d packets/s=%.0f lateness p50=%.1f p99=%.1f p99.9=%.1f ms"
              + " cpu=%.0f%% of one core, pacer thread %.0f%% load=%.2f%n",
          srtp,
          callers,
          run.toSeconds(),
          sent * 1e9 / wall,
          ticks.millisAt(0.5),
          ticks.millisAt(0.99),
          ticks.millisAt(0.999),
          100.0 * cpu / wall,
          100.0 * pacerCpu / wall,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      sessions.forEach(RtpSession::close);
      sink.close();
      drain.join(1000);
    } finally {
      pacerThread.shutdownNow();
    }
  }

  private static long sent(List<RtpSession> sessions) {
    return sessions.stream().mapToLong(s -> s.stats().packetsSent()).sum();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
