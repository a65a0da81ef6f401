package io.tandem.server.unify.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.acs.streams.MediaSink;
import io.tandem.acs.streams.StreamFrame;
import io.tandem.acs.streams.StreamFrame.ResultStatus;
import io.tandem.acs.streams.TranscriptSink;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How many stream frames one node ingests: JDK WebSocket clients playing ACS send paced frames (or
 * as fast as each socket's previous send completes) to the endpoints of a minimal server in the
 * same JVM, and the figures are printed: frames sent, received, skipped by a client whose previous
 * send had not finished (backpressure), transcription latency from send to sink, and the CPU the
 * process (clients and server) used. Run with {@code ./mvnw -pl server -am test -Dgroups=benchmark
 * -DexcludedGroups=none -Dtest=AcsStreamsIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * sizes via {@code -Dbench.seconds=20} etc.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcsStreamsIngestBenchmark {

  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final List<HttpClient> CLIENTS =
      List.of(
          HttpClient.newHttpClient(),
          HttpClient.newHttpClient(),
          HttpClient.newHttpClient(),
          HttpClient.newHttpClient());

  private final CountingSink sink = new CountingSink();
  private EmulatedAcs acs;
  private StreamsServer server;

  @BeforeAll
  void start() throws Exception {
    acs = new EmulatedAcs();
    server =
        new StreamsServer(
            acs.validator(),
            sink,
            "tandem.acs.streams.max-connections=5000",
            "logging.level.root=WARN");
  }

  @AfterAll
  void stop() {
    server.close();
    acs.close();
  }

  @Test
  void transcription_200sockets_10segmentsPerSecond() throws Exception {
    run("transcription 200 x 10/s", 200, 10, 0, 0);
  }

  @Test
  void media_100sockets_50framesPerSecond() throws Exception {
    run("media 100 x 50/s", 0, 0, 100, 50);
  }

  @Test
  void both_atOnce() throws Exception {
    run("transcription 200 x 10/s + media 100 x 50/s", 200, 10, 100, 50);
  }

  @Test
  void media_asFastAsTheSocketsGo() throws Exception {
    run("media 50 sockets unpaced", 0, 0, 50, 0);
  }

  @Test
  void transcription_asFastAsTheSocketsGo() throws Exception {
    run("transcription 50 sockets unpaced", 50, 0, 0, 0);
  }

  private void run(String name, int textSockets, int textRate, int mediaSockets, int mediaRate)
      throws Exception {
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < textSockets; i++) {
      String call = "bench-t-" + name.hashCode() + "-" + i;
      Sender sender =
          Sender.open(server.url(AcsStreamsConfiguration.TRANSCRIPTION_PATH), call, acs.token(), i);
      sender.sendNow(Frames.transcriptionMetadata(call, "en-US"));
      senders.add(sender);
    }
    List<Sender> media = new ArrayList<>();
    for (int i = 0; i < mediaSockets; i++) {
      String call = "bench-m-" + name.hashCode() + "-" + i;
      Sender sender =
          Sender.open(server.url(AcsStreamsConfiguration.MEDIA_PATH), call, acs.token(), i);
      sender.sendNow(Frames.audioMetadata());
      media.add(sender);
    }
    sink.reset();
    var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(SECONDS).toNanos();
    ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
    List<Double> machine = new ArrayList<>();
    pace.scheduleAtFixedRate(() -> machine.add(os.getCpuLoad()), 1, 1, TimeUnit.SECONDS);
    AtomicLong frameNo = new AtomicLong();
    IntFunction<String> text =
        i ->
            Frames.transcriptionData(
                "I would like to check my balance please", ResultStatus.FINAL, System.nanoTime());
    IntFunction<String> audio =
        i -> Frames.audioData(frameNo.getAndIncrement() * 20, "4:+14255550123", false);
    if (textRate > 0) {
      pace.scheduleAtFixedRate(
          () -> senders.forEach(s -> s.offer(text.apply(0))),
          0,
          1000 / textRate,
          TimeUnit.MILLISECONDS);
    } else {
      senders.forEach(s -> s.loop(text, deadline));
    }
    if (mediaRate > 0) {
      pace.scheduleAtFixedRate(
          () -> media.forEach(s -> s.offer(audio.apply(0))),
          0,
          1000 / mediaRate,
          TimeUnit.MILLISECONDS);
    } else {
      media.forEach(s -> s.loop(audio, deadline));
    }
    CountDownLatch finished = new CountDownLatch(1);
    pace.schedule(finished::countDown, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    finished.await();
    pace.shutdownNow();
    pace.awaitTermination(5, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = os.getProcessCpuTime() - cpuStart;
    List<Sender> all = new ArrayList<>(senders);
    all.addAll(media);
    for (Sender sender : all) {
      sender.drain();
    }
    long sentText = senders.stream().mapToLong(s -> s.sent).sum();
    long sentAudio = media.stream().mapToLong(s -> s.sent).sum();
    long skipped = all.stream().mapToLong(s -> s.skipped).sum();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> sink.segments.sum() >= sentText && sink.audio.sum() >= sentAudio);
    } catch (ConditionTimeoutException lost) {
      System.out.println("not every frame sent arrived within 10 s");
    }
    long[] latencies = sink.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%n== %s, %.1f s: sent %d segments + %d audio frames (%.0f frames/s), received %d + %d"
            + " (%.0f frames/s until the last arrived),"
            + " skipped by clients (previous send unfinished) %d, refused %.0f;"
            + " transcription latency p50 %.2f ms p99 %.2f ms max %.2f ms;"
            + " process CPU %.2f cores (clients and server, of %d), machine CPU avg %.0f%%%n",
        name,
        seconds,
        sentText,
        sentAudio,
        (sentText + sentAudio) / seconds,
        sink.segments.sum(),
        sink.audio.sum(),
        (sink.segments.sum() + sink.audio.sum()) / ((sink.lastArrival - start) / 1e9),
        skipped,
        server.counter("tandem.acs.stream.rejected", "reason", "malformed"),
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
        cpu / 1e9 / seconds,
        Runtime.getRuntime().availableProcessors(),
        machine.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 100);
    for (Sender sender : all) {
      sender.close();
    }
    assertThat(sink.segments.sum()).isEqualTo(sentText);
    assertThat(sink.audio.sum()).isEqualTo(sentAudio);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
  }

  /** Counts what arrives; a transcription segment's offset carries its send time (nanoTime). */
  static final class CountingSink implements TranscriptSink, MediaSink {
    final LongAdder segments = new LongAdder();
    final LongAdder audio = new LongAdder();
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    volatile long lastArrival;

    void reset() {
      segments.reset();
      audio.reset();
      latencies.clear();
    }

    @Override
    public void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata) {}

    @Override
    public void segment(String callConnectionId, StreamFrame.TranscriptionData data) {
      segments.increment();
      long now = System.nanoTime();
      latencies.add(now - data.offsetTicks());
      lastArrival = now;
    }

    @Override
    public void opened(String callConnectionId, StreamFrame.AudioMetadata metadata) {}

    @Override
    public void audio(String callConnectionId, StreamFrame.AudioData frame) {
      audio.increment();
      lastArrival = System.nanoTime();
    }

    @Override
    public void dtmf(String callConnectionId, String tone) {}

    @Override
    public void closed(String callConnectionId) {}
  }

  /** One client socket: one send outstanding at a time, as the JDK WebSocket allows. */
  static final class Sender {
    private final WebSocket socket;
    private CompletableFuture<WebSocket> last = CompletableFuture.completedFuture(null);
    long sent;
    long skipped;

    private Sender(WebSocket socket) {
      this.socket = socket;
    }

    static Sender open(URI url, String call, String token, int i) throws Exception {
      return new Sender(
          CLIENTS
              .get(i % CLIENTS.size())
              .newWebSocketBuilder()
              .header("Authorization", "Bearer " + token)
              .header("x-ms-call-connection-id", call)
              .buildAsync(url, new WebSocket.Listener() {})
              .get(10, TimeUnit.SECONDS));
    }

    void sendNow(String text) throws Exception {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    synchronized void offer(String text) {
      if (!last.isDone()) {
        skipped++;
        return;
      }
      sent++;
      last = socket.sendText(text, true);
    }

    /** Sends one frame after another, on a virtual thread, until {@code deadline}. */
    void loop(IntFunction<String> frames, long deadline) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (System.nanoTime() < deadline) {
                  CompletableFuture<WebSocket> sending;
                  synchronized (this) {
                    sent++;
                    sending = socket.sendText(frames.apply(0), true);
                    last = sending;
                  }
                  sending.join();
                }
              });
    }

    void drain() throws Exception {
      CompletableFuture<WebSocket> pending;
      synchronized (this) {
        pending = last;
      }
      pending.get(10, TimeUnit.SECONDS);
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
