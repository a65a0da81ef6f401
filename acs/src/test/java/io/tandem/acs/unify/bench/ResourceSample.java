package io.tandem.acs.unify.bench;

import java.lang.management.ManagementFactory;

/**
 * The whole test JVM at one moment (emulator, callers, the Unify application and tenant share it):
 * heap in use after a full collection, process CPU time, live platform threads.
 */
record ResourceSample(long nanoTime, long cpuNanos, long heapUsedAfterGc, int platformThreads) {

  static ResourceSample now() {
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
  double cpuPercentSince(ResourceSample earlier) {
    return 100.0 * (cpuNanos - earlier.cpuNanos) / Math.max(1, nanoTime - earlier.nanoTime);
  }

  long heapMib() {
    return heapUsedAfterGc >> 20;
  }
}
