package io.tandem.bench;

import io.tandem.core.interaction.InteractionId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A routing decision in the agent-to-work direction: an interaction arrives while some agents are
 * idle, and the queue's strategy picks among the eligible ready agents.
 *
 * <p>One op: virtual time advances 10 ms (running due timers: cancelled offer deadlines and
 * escalations being discarded); an interaction arrives with the next demand of a fixed random
 * sequence and is queued, and the engine offers it to the agent(s) its queue's strategy picks
 * (three at once for a simultaneous queue); the first offered agent answers (the others' offers are
 * withdrawn) and hangs up at once (wrap-up 0), so the same agents stay idle. When no idle agent is
 * eligible the interaction waits; the caller then hangs up, so nothing accumulates (such misses are
 * counted and printed at the end of the trial).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ArrivalBenchmark {

  /** A floor of {@code agents} agents, 90 % busy and 10 % ready, with nothing waiting. */
  @State(Scope.Thread)
  public static class IdleAgentsFloor {

    static final Duration STEP = Duration.ofMillis(10);
    private static final int DEMANDS = 1 << 16;

    @Param({"1000", "10000"})
    public int agents;

    ScriptedFloor floor;
    private final Demand[] demands = new Demand[DEMANDS];
    private int next;
    private long arrivals;
    private long misses;

    @Setup(Level.Trial)
    public void build() {
      floor = new ScriptedFloor();
      SyntheticCenter center = new SyntheticCenter(42);
      floor.staff(center, agents, agents - agents / 10);
      for (int i = 0; i < DEMANDS; i++) {
        demands[i] = center.nextDemand();
      }
    }

    /** One arrival with its bookkeeping (see the class comment); false if nobody was idle. */
    boolean arrive() {
      floor.advance(STEP);
      InteractionId id = floor.arrive(demands[next]);
      next = (next + 1) & (DEMANDS - 1);
      floor.answerOffers();
      arrivals++;
      if (floor.hangUpAnswered() > 0) {
        return true;
      }
      floor.tenant().customerHungUp(id);
      misses++;
      return false;
    }

    @TearDown(Level.Trial)
    public void report() {
      System.out.printf(
          "%n[idle agents floor agents=%d] after %d arrivals (%d found no idle eligible agent): %s%n",
          agents, arrivals, misses, floor.summary());
    }
  }

  /** An interaction arrives and is offered to an idle agent picked by its queue's strategy. */
  @Benchmark
  public boolean arrival(IdleAgentsFloor floor) {
    return floor.arrive();
  }
}
