package io.tandem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each way a scenario file can be wrong is rejected with the YAML path and line. The scenario is a
 * valid one with one line replaced: {@code @@} marks the place.
 */
class ScenarioFileRejectionTest {

  private static final String TEMPLATE =
      """
      duration: 1h
      queues:
        - id: general
          skills: general
          wrapUp: 10s
          arrivals:
            - {from: 0h, perHour: 30}
          handleTime: {distribution: lognormal, mean: 3m, stddev: 1m}
      agents:
        - name: agent
          count: 2
          skills: {general: 3}
      """;

  private static List<FileProblem> problems(String replace, String with) {
    String yaml = TEMPLATE.replace(replace, with);
    assertThat(yaml).isNotEqualTo(TEMPLATE);
    InvalidScenarioFileException e =
        catchThrowableOfType(
            InvalidScenarioFileException.class, () -> ScenarioFile.parse(yaml, "t.yaml", "t"));
    assertThat(e).as("rejected").isNotNull();
    return e.problems();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          unknown key        | wrapUp: 10s          | wrapup: 10s               | 5 | queues[0].wrapup is not a known key (did you mean 'wrapUp'?)
          wrong type, text   | count: 2             | count: many               | 11 | agents[0].count must be a whole number, got 'many'
          wrong type, list   | count: 2             | count: [2]                | 11 | agents[0].count must be a whole number, got a list
          wrong type, map    | skills: general\\n    | skills: {a: 1}\\n          | 4 | queues[0].skills must be text, got a mapping
          not a list         | arrivals:\\n      - {from: 0h, perHour: 30} | arrivals: 30 | 6 | queues[0].arrivals must be a list
          bad duration       | wrapUp: 10s          | wrapUp: ten seconds       | 5 | queues[0].wrapUp must be a duration such as 30s, 5m, 1h30m, 1d or PT30S, got 'ten seconds'
          unitless duration  | wrapUp: 10s          | wrapUp: 10                | 5 | queues[0].wrapUp needs a unit: write 10s, 10m or 10h
          bad skill expr     | skills: general\\n    | skills: general >=\\n      | 4 | queues[0].skills is not a valid skill expression: expected a number 1-5 after '>='
          repeated key       | wrapUp: 10s          | wrapUp: 10s\\n    wrapUp: 5s | 6 | queues[0].wrapUp appears twice (first on line 5)
          missing required   | count: 2             | skills: {general: 3}\\n    languages: [en] | 10 | agents[0].count is required
          bad zone           | duration: 1h         | duration: 1h\\nzone: Moon/Base | 2 | zone must be a time zone such as Europe/Berlin or UTC, got 'Moon/Base'
          bad start          | duration: 1h         | duration: 1h\\nstart: soon | 2 | start must be a date-time such as 2026-03-02T07:00 (in zone) or 2026-03-02T06:00:00Z, got 'soon'
          bad strategy       | wrapUp: 10s          | strategy: random          | 5 | queues[0].strategy must be one of longest-idle, round-robin, least-occupied, skills-proficiency, serial, simultaneous, got 'random'
          bad overflow       | wrapUp: 10s          | overflowAction: {queue: nowhere} | 5 | queues[0].overflowAction refers to unknown queue 'nowhere'
          bad overflow form  | wrapUp: 10s          | overflowAction: hangup    | 5 | queues[0].overflowAction must be callback, disconnect, voicemail
          bad distribution   | mean: 3m, stddev: 1m | mean: 3m                  | 8 | queues[0].handleTime.stddev is required
          bad proficiency    | {general: 3}         | {general: 9}              | 12 | agents[0].skills.general proficiency of skill 'general' must be 1-5, got 9
          core rule          | perHour: 30          | perHour: -30              | 7 | queues[0].arrivals[0].perHour must be >= 0, got -30.0
          core rule, default | count: 2             | count: 2\\n    answerDelay: 20s | 12 | agents[0].answerDelay must stay below the ring timeout of queue 'general' (15s), got up to 20s
          unknown anchor     | count: 2             | count: *two               | 11 | agents[0].count refers to an unknown anchor *two
          bad availability   | count: 2             | count: 2\\n    presenceFlips: {perHour: 1, meanAway: 5m, availability: Lunch} | 12 | agents[0].presenceFlips.availability must be a Teams availability
          stages and skills  | wrapUp: 10s          | stages: [{skills: any}] | 4 | queues[0].skills and stages cannot both be given
          late first stage   | wrapUp: 10s          | stages: [{after: 5s, skills: any}] | 5 | queues[0].stages[0].after of the first stage must be 0s
          stages out of order | skills: general\\n   | stages:\\n      - skills: general\\n      - {after: 30s, skills: any}\\n      - {after: 20s, skills: any}\\n | 7 | queues[0].stages[2].after must be later than the previous stage's (30s), got 20s
          business hours     | wrapUp: 10s          | businessHours: office     | 5 | queues[0].businessHours is not supported by the simulator
          YAML syntax        | - {from: 0h, perHour: 30} | - {from: 0h, perHour: 30 | 8 | is not valid YAML
          """)
  void rejected_withPathAndLine(
      String what, String replace, String with, int line, String message) {
    List<FileProblem> problems = problems(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));

    assertThat(problems)
        .as(what)
        .anySatisfy(
            problem -> {
              assertThat(problem.line()).isEqualTo(line);
              assertThat(problem.toString()).startsWith("line " + line + ": " + message);
            });
  }
}
