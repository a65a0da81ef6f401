package io.tandem.core.flow;

import static io.tandem.core.flow.Nodes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowRunHoursTest {

  private final FlowRunFixture fixture = new FlowRunFixture();

  /** Checks the office hours; with a holiday exit when {@code withHolidayExit}. */
  private static Flow hoursFlow(boolean withHolidayExit) {
    FlowBuilder flow =
        FlowBuilder.startingAt("hours")
            .node(
                "hours",
                new CheckHours("office", "open", "closed", withHolidayExit ? "holiday" : null))
            .node("open", route("billing"))
            .node("closed", Nodes.hangUp("closed"));
    if (withHolidayExit) {
      flow.node("holiday", Nodes.hangUp("holiday"));
    }
    return flow.build();
  }

  static Stream<Arguments> momentsAndDecisions() {
    return Stream.of(
        arguments(named("weekday morning", FlowRunFixture.MONDAY_MORNING), "routeToQueue billing"),
        arguments(named("weekday night", FlowRunFixture.MONDAY_NIGHT), "hungUp closed"),
        arguments(named("closed holiday", FlowRunFixture.CHRISTMAS_DAY), "hungUp holiday"),
        arguments(
            named("special hours of a holiday", FlowRunFixture.CHRISTMAS_EVE_MORNING),
            "routeToQueue billing"),
        arguments(
            named("after special hours of a holiday", FlowRunFixture.CHRISTMAS_EVE_AFTERNOON),
            "hungUp holiday"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("momentsAndDecisions")
  void checkHours_takesTheExitForTheOpeningStatusAtTheClocksTime(Instant now, String decision) {
    fixture.at(now).started(hoursFlow(true));

    assertThat(fixture.decisions.log()).containsExactly(decision);
  }

  @Test
  void checkHours_onAHolidayWithoutHolidayExit_takesClosedExit() {
    fixture.at(FlowRunFixture.CHRISTMAS_DAY).started(hoursFlow(false));

    assertThat(fixture.decisions.log()).containsExactly("hungUp closed");
  }

  @Test
  void checkHours_specialOpeningOnAHoliday_countsAsOpen() {
    fixture.at(FlowRunFixture.CHRISTMAS_EVE_MORNING).started(hoursFlow(false));

    assertThat(fixture.decisions.log()).containsExactly("routeToQueue billing");
  }
}
