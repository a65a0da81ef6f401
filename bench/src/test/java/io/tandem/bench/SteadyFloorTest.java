package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure a steady state: these tests run the benchmark ops on small floors and
 * check that the state they measure does not drift (the benchmarks themselves only run by hand).
 */
class SteadyFloorTest {

  @Test
  void busyFloor_manyDecisions_keepLineLengthAndEveryAgentBusy() {
    AgentReadyBenchmark.BusyFloor floor = new AgentReadyBenchmark.BusyFloor();
    floor.agents = 300;
    floor.waiting = 600;
    floor.build();
    long offersBefore = floor.floor.state().offersMade();
    Instant timeBefore = floor.floor.time().instant();

    for (int i = 0; i < 5_000; i++) {
      floor.decide();
    }

    assertThat(floor.floor.waiting()).isEqualTo(600);
    assertThat(floor.floor.agentsIn(AgentState.BUSY)).isGreaterThanOrEqualTo(290);
    assertThat(floor.floor.agentsIn(AgentState.RESERVED)).isZero();
    assertThat(floor.floor.agentsIn(AgentState.NOT_READY)).isZero();
    assertThat(floor.floor.state().offersMade() - offersBefore).isGreaterThanOrEqualTo(5_000);
    assertThat(floor.floor.time().pendingTimers()).isLessThan(10_000);
    assertThat(Duration.between(timeBefore, floor.floor.time().instant()))
        .isEqualTo(floor.step.multipliedBy(5_000));
  }

  @Test
  void idleAgentsFloor_manyArrivals_keepTenPercentReadyAndNothingWaiting() {
    ArrivalBenchmark.IdleAgentsFloor floor = new ArrivalBenchmark.IdleAgentsFloor();
    floor.agents = 300;
    floor.build();
    int served = 0;

    for (int i = 0; i < 5_000; i++) {
      served += floor.arrive() ? 1 : 0;
    }

    assertThat(floor.floor.agentsIn(AgentState.READY)).isEqualTo(30);
    assertThat(floor.floor.agentsIn(AgentState.BUSY)).isEqualTo(270);
    assertThat(floor.floor.waiting()).isZero();
    assertThat(served).isGreaterThan(4_000);
    assertThat(floor.floor.time().pendingTimers()).isLessThan(10_000);
  }
}
