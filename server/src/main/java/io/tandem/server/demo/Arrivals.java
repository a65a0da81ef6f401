package io.tandem.server.demo;

import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.tenant.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * The demo's callers arriving: one Poisson process per queue at the queue's rate times a factor,
 * generated as their sum (a Poisson process at the total rate, each arrival going to a queue with
 * probability proportional to its rate), so that one timer is pending at any time.
 *
 * <p>Confined to the tenant's writer, like everything its timers run.
 */
final class Arrivals {

  private static final double NANOS_PER_HOUR = 3_600_000_000_000d;

  private final List<QueueScenario> queues;
  private final double[] perHour;
  private final double total;
  private final DemoTimers timers;
  private final SplittableRandom random;
  private final BiConsumer<Tenant, QueueScenario> arrive;

  /**
   * @param factor multiplies every queue's rate; 0 stops arrivals
   * @param arrive places one call for the chosen queue, on the tenant's writer
   */
  Arrivals(
      List<QueueScenario> queues,
      double factor,
      DemoTimers timers,
      SplittableRandom random,
      BiConsumer<Tenant, QueueScenario> arrive) {
    this.queues = List.copyOf(queues);
    this.perHour = queues.stream().mapToDouble(q -> DemoDefinition.perHour(q) * factor).toArray();
    double sum = 0;
    for (double rate : perHour) {
      sum += rate;
    }
    this.total = sum;
    this.timers = timers;
    this.random = random;
    this.arrive = arrive;
  }

  /** Callers per hour over all queues. */
  double perHour() {
    return total;
  }

  /** Schedules the first arrival; nothing when the total rate is 0. */
  void start() {
    scheduleNext();
  }

  private void scheduleNext() {
    if (!(total > 0)) {
      return;
    }
    long gap = (long) (NANOS_PER_HOUR / total * random.nextExponential());
    timers.after(
        Duration.ofNanos(gap),
        tenant -> {
          scheduleNext();
          arrive.accept(tenant, pick());
        });
  }

  private QueueScenario pick() {
    double draw = random.nextDouble() * total;
    for (int i = 0; i < perHour.length; i++) {
      draw -= perHour[i];
      if (draw < 0) {
        return queues.get(i);
      }
    }
    return queues.getLast();
  }
}
