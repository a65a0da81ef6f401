package io.tandem.core.simulation;

import static io.tandem.core.simulation.Scenarios.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationReportTest {

  private static final SimulationReport REPORT =
      new StaffingSimulator()
          .run(Scenarios.oneQueue(30, fixed(Duration.ofMinutes(2)), 3, Duration.ofHours(2), 6));

  @Test
  void json_hasTheScenarioQueuesOverallAndAgents() {
    String json = REPORT.toJson();

    assertThat(json)
        .startsWith("{\n  \"scenario\": \"test\",\n  \"seed\": 6,\n")
        .contains("\"queues\": [\n    {\n      \"queue\": \"general\",")
        .contains("\"serviceLevelThresholdSeconds\": 20,")
        .contains("\"averageHandleTimeSeconds\": 120,")
        .contains("\"overall\": {\n    \"queue\": \"all\",")
        .contains("\"serviceLevelThresholdSeconds\": null,")
        .contains("\"agent\": \"agent-003\"")
        .endsWith("  ]\n}\n");
  }

  @Test
  void jsonWriter_escapesStringsAndWritesNonFiniteNumbersAsNull() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("text")
            .value("a \"quoted\" \\ line\nand\ttab \u0001")
            .name("nan")
            .value(Double.NaN)
            .name("third")
            .value(1.0 / 3)
            .name("empty")
            .beginArray()
            .endArray()
            .endObject()
            .toString();

    assertThat(json)
        .isEqualTo(
            "{\n  \"text\": \"a \\\"quoted\\\" \\\\ line\\nand\\ttab \\u0001\",\n"
                + "  \"nan\": null,\n  \"third\": 0.333,\n  \"empty\": []\n}\n");
  }

  @Test
  void table_listsQueuesGroupsAndAgentsInFixedColumns() {
    String table = REPORT.toTable();

    assertThat(table)
        .startsWith("Scenario test, seed 6\nSimulated 2026-11-23 08:00:00 to ")
        .contains("queue              offered  answered abandoned")
        .contains("\ngeneral   ")
        .contains("\nall   ")
        .contains("Agents by group")
        .contains("\nagent-001 ");
    String[] lines = table.split("\n");
    assertThat(lines)
        .filteredOn(line -> line.startsWith("general "))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("80/20s"));
  }

  @Test
  void timeColumn_isShortAtEveryScale() {
    assertThat(ReportTable.time(Duration.ofMillis(9_440))).isEqualTo("9.4s");
    assertThat(ReportTable.time(Duration.ofSeconds(302))).isEqualTo("5m02s");
    assertThat(ReportTable.time(Duration.ofMinutes(187))).isEqualTo("3h07m");
    assertThat(ReportTable.time(Duration.ofHours(52))).isEqualTo("2d04h");
  }
}
