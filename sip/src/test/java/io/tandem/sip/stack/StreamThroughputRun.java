package io.tandem.sip.stack;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * By hand ({@code -Dstream.bench=true}): one sender floods one TCP loopback connection with 100,000
 * messages of 953 bytes per round (the write queue unbounded for it); printed: messages per second
 * until all arrived, and the process's CPU per message (both ends).
 */
@EnabledIfSystemProperty(named = "stream.bench", matches = "true")
class StreamThroughputRun {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final ConnectionLimits BIG =
      new ConnectionLimits(
          java.time.Duration.ofSeconds(10), 512 * 1024 * 1024, java.time.Duration.ZERO);

  @Test
  void run() throws Exception {
    AtomicLong received = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> done =
        new java.util.concurrent.atomic.AtomicReference<>(
            new java.util.concurrent.CountDownLatch(1));
    java.util.concurrent.atomic.AtomicLong target =
        new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    StreamTransport far =
        open(
            (m, f, p) -> {
              if (received.incrementAndGet() == target.get()) done.get().countDown();
            });
    StreamTransport near = open((m, f, p) -> {});
    Flow flow = near.flowTo(new InetSocketAddress(LOOPBACK, far.point().port()), "127.0.0.1");
    byte[] message = RecordingSink.request("v".repeat(800));
    for (int round = 0; round < 3; round++) {
      long total = 100_000;
      received.set(0);
      done.set(new java.util.concurrent.CountDownLatch(1));
      target.set(total);
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int s = 0; s < 1; s++) {
          senders.submit(
              () -> {
                for (long i = 0; i < total; i++) {
                  flow.send(message);
                }
                return null;
              });
        }
      }
      long sent = System.nanoTime();
      done.get().await(120, java.util.concurrent.TimeUnit.SECONDS);
      if (received.get() < total) {
        System.out.println("STREAMBENCH incomplete: " + received.get());
        return;
      }
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      System.out.printf(
          "STREAMBENCH round %d: %,d msgs of %d bytes, sends done in %.0f ms, all received in %.0f ms: %,.0f msgs/s, CPU %.2f us per message%n",
          round,
          total,
          message.length,
          (sent - t0) / 1e6,
          (t1 - t0) / 1e6,
          total / ((t1 - t0) / 1e9),
          (cpu1 - cpu0) / 1e3 / total);
    }
    near.close();
    far.close();
  }

  private static StreamTransport open(SipTransport.MessageSink sink) throws Exception {
    return StreamTransport.open(
        new ListenPoint(Transport.TCP, 0),
        LOOPBACK,
        null,
        sink,
        StreamOptions.of(BIG, new ConnectionSweep(StackTimers.system("bench"), BIG, f -> {})));
  }
}
