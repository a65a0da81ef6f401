package io.tandem.testkit.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole test JVM at one moment (emulator, callers, the channel under test and the tenant share
 * it): heap in use after a full collection, process CPU time, live platform threads.
 */
public record ResourceSample(
    long nanoTime, long cpuNanos, long heapUsedAfterGc, int platformThreads) {

  public static ResourceSample now() {
    System.gc();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new ResourceSample(
        System.nanoTime(),
        os.getProcessCpuTime(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /** CPU used since {@code earlier}, in percent of one core. */
  public double cpuPercentSince(ResourceSample earlier) {
    return 100.0 * (cpuNanos - earlier.cpuNanos) / Math.max(1, nanoTime - earlier.nanoTime);
  }

  /** {@code /proc/loadavg}'s three averages, or {@code n/a}. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException unreadable) {
      return "n/a";
    }
  }

  public long heapMib() {
    return heapUsedAfterGc >> 20;
  }
}
