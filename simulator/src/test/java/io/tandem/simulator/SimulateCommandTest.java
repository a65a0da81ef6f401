package io.tandem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

  private static final String TINY = "src/test/resources/scenarios/tiny.yaml";
  private static final String INVALID = "src/test/resources/scenarios/invalid.yaml";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulateCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scenario_printsTheTableAndExitsZero() {
    assertThat(run(TINY)).isZero();

    assertThat(out())
        .startsWith("Scenario tiny, seed 5\n")
        .contains("Queues")
        .contains("agent-003");
    assertThat(err()).startsWith("simulated ").contains(" arrivals");
  }

  @Test
  void json_printsTheReportAsJson() {
    assertThat(run("--json", TINY)).isZero();

    assertThat(out()).startsWith("{\n  \"scenario\": \"tiny\",\n  \"seed\": 5,").endsWith("}\n");
  }

  @Test
  void seed_overridesTheScenarioSeed() {
    assertThat(run("--seed", "77", "--json", TINY)).isZero();
    assertThat(out()).contains("\"seed\": 77,");

    out.reset();
    assertThat(run("--seed=78", TINY)).isZero();
    assertThat(out()).startsWith("Scenario tiny, seed 78\n");
  }

  @Test
  void invalidScenario_listsEveryProblemOnStderrAndExitsTwo() {
    assertThat(run(INVALID)).isEqualTo(SimulateCommand.INVALID);

    assertThat(out()).isEmpty();
    assertThat(err())
        .contains("invalid.yaml: invalid scenario (3 problems)")
        .contains("invalid.yaml:5: queues[0].skills is not a valid skill expression")
        .contains("invalid.yaml:7: queues[0].arrivals[0].perHour must be >= 0, got -5.0")
        .contains("invalid.yaml:12: agents[0].skils is not a known key (did you mean 'skills'?)");
  }

  @Test
  void missingFile_exitsTwo() {
    assertThat(run("no/such/scenario.yaml")).isEqualTo(SimulateCommand.INVALID);

    assertThat(err()).isEqualTo("tandem-simulator: no such scenario file: no/such/scenario.yaml\n");
  }

  @Test
  void directory_exitsTwo() {
    assertThat(run("src")).isEqualTo(SimulateCommand.INVALID);

    assertThat(err()).contains("cannot read src: is a directory");
  }

  @Test
  void badArguments_printUsageAndExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("no scenario file given").contains("usage: tandem-simulator");
    err.reset();
    assertThat(run("--verbose", TINY)).isEqualTo(2);
    assertThat(err()).contains("unknown option --verbose");
    err.reset();
    assertThat(run("--seed")).isEqualTo(2);
    assertThat(err()).contains("--seed needs a number");
    err.reset();
    assertThat(run("--seed", "x", TINY)).isEqualTo(2);
    err.reset();
    assertThat(run(TINY, TINY)).isEqualTo(2);
    assertThat(err()).contains("give one scenario file");
  }

  @Test
  void help_printsUsageAndExitsZero() {
    assertThat(run("--help")).isZero();

    assertThat(out()).startsWith("usage: tandem-simulator [--json] [--seed N] scenario.yaml");
  }
}
