package io.tandem.emulator.directrouting;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls in progress, in total and per SBC trunk, for capacity checks. */
public final class ActiveCalls {

  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, AtomicInteger> perGateway = new ConcurrentHashMap<>();

  void started(String gateway) {
    total.incrementAndGet();
    counter(gateway).incrementAndGet();
  }

  void ended(String gateway) {
    total.decrementAndGet();
    counter(gateway).decrementAndGet();
  }

  public int total() {
    return total.get();
  }

  public int forGateway(String gateway) {
    return counter(gateway).get();
  }

  private AtomicInteger counter(String gateway) {
    return perGateway.computeIfAbsent(gateway.toLowerCase(Locale.ROOT), g -> new AtomicInteger());
  }
}
