package io.tandem.bench;

import io.tandem.core.routing.Agent;
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
 * A routing decision in the work-to-agent direction: an agent finishes a call while a long line
 * waits, and the engine picks the best waiting interaction across the agent's eligible queues.
 *
 * <p>One op: virtual time advances by one step (running the timers that fall due: mostly cancelled
 * offer deadlines being discarded, and the skill escalations of waiting interactions); the next
 * busy agent in a fixed rota hangs up (wrap-up 0, so the agent is ready at once and the engine
 * offers it the best waiting interaction); the agent accepts the offer and is busy again; a new
 * interaction with the same queue, priority and language as the answered one arrives and is queued
 * (nobody is ready, so it waits). The line thus keeps its size and mix and every agent stays busy.
 *
 * <p>The step is {@code 60 s / waiting}: as many interactions arrive per virtual minute as wait,
 * whatever the line's length, so the line holds a steady mix of waits and escalation stages.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class AgentReadyBenchmark {

  /** A floor where every agent is busy and {@code waiting} interactions wait in 20 queues. */
  @State(Scope.Thread)
  public static class BusyFloor {

    @Param({"1000", "10000"})
    public int agents;

    @Param({"1000", "50000"})
    public int waiting;

    ScriptedFloor floor;
    Duration step;
    private long decisions;

    @Setup(Level.Trial)
    public void build() {
      floor = new ScriptedFloor();
      SyntheticCenter center = new SyntheticCenter(42);
      floor.staff(center, agents, agents);
      step = Duration.ofNanos(Duration.ofSeconds(60).toNanos() / waiting);
      for (int i = 0; i < waiting; i++) {
        floor.advance(step);
        floor.arrive(center.nextDemand());
        floor.answerAndReplace();
      }
      if (floor.waiting() != waiting) {
        throw new IllegalStateException("setup left " + floor.waiting() + " waiting");
      }
    }

    /** One routing decision with its bookkeeping (see the class comment). */
    Agent decide() {
      floor.advance(step);
      Agent agent = floor.nextBusyAgent();
      floor.hangUp(agent);
      floor.answerAndReplace();
      decisions++;
      return agent;
    }

    @TearDown(Level.Trial)
    public void report() {
      System.out.printf(
          "%n[busy floor agents=%d waiting=%d] after %d decisions: %s%n",
          agents, waiting, decisions, floor.summary());
    }
  }

  /** An agent hangs up, is offered the best waiting interaction and answers; a new one arrives. */
  @Benchmark
  public Object agentReady(BusyFloor floor) {
    return floor.decide().interaction();
  }
}
