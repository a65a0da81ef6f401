package io.tandem.simulator;

import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.Scenario;
import io.tandem.core.simulation.ScenarioProblem;
import io.tandem.core.simulation.ScenarioValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a scenario file (YAML, format in {@code docs/simulator.md}) into a validated {@link
 * Scenario}. Every problem (YAML syntax, unknown or repeated keys, wrong types, bad durations or
 * skill expressions, and every rule of {@link ScenarioValidator}) is reported at once, each with
 * its path and line, as an {@link InvalidScenarioFileException}.
 */
public final class ScenarioFile {

  static final String[] KEYS = {
    "name", "start", "zone", "duration", "maxArrivals", "drain", "seed", "queues", "agents"
  };

  /** Where a scenario without {@code start} starts: Monday 2026-01-05, midnight in its zone. */
  static final LocalDateTime DEFAULT_START = LocalDateTime.of(2026, 1, 5, 0, 0);

  private static final ZoneId UTC = ZoneId.of("UTC");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

  private ScenarioFile() {}

  /** Reads and validates {@code file}; the scenario's name defaults to the file's base name. */
  public static Scenario read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, file.toString(), base);
  }

  /** Parses and validates {@code yaml}; {@code source} names it in messages. */
  public static Scenario parse(String yaml, String source, String defaultName) {
    Problems problems = new Problems();
    YamlNode root = YamlNode.read(YAML, yaml, problems);
    if (root == null) {
      throw new InvalidScenarioFileException(source, problems.all());
    }
    Scenario scenario = scenario(root, defaultName, problems);
    List<FileProblem> found = new ArrayList<>(problems.all());
    for (ScenarioProblem problem : ScenarioValidator.problems(scenario)) {
      if (found.stream().noneMatch(known -> covers(known.path(), problem.path()))) {
        found.add(new FileProblem(problem.path(), lineOf(root, problem.path()), problem.message()));
      }
    }
    if (!found.isEmpty()) {
      found.sort(Comparator.comparingInt(FileProblem::line));
      throw new InvalidScenarioFileException(source, found);
    }
    return scenario;
  }

  private static Scenario scenario(YamlNode root, String defaultName, Problems problems) {
    Fields f = new Fields(root, "", problems, KEYS);
    ZoneId zone = zone(f);
    List<QueueScenario> queues = new ArrayList<>();
    List<Fields.Item> queueItems = f.list("queues");
    for (int i = 0; i < queueItems.size(); i++) {
      queues.add(QueueMapping.queue(queueItems.get(i), i, problems));
    }
    List<AgentGroup> agents = new ArrayList<>();
    List<Fields.Item> agentItems = f.list("agents");
    for (int i = 0; i < agentItems.size(); i++) {
      agents.add(AgentGroupMapping.group(agentItems.get(i), i, problems));
    }
    return new Scenario(
        f.text("name", defaultName),
        start(f, zone),
        zone,
        f.duration("duration"),
        f.whole("maxArrivals", 0),
        f.duration("drain", Scenario.DEFAULT_DRAIN),
        f.whole("seed", 1),
        queues,
        agents);
  }

  private static ZoneId zone(Fields f) {
    String text = f.text("zone");
    if (text == null) {
      return UTC;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      f.problem("zone", "must be a time zone such as Europe/Berlin or UTC, got '" + text + "'");
      return UTC;
    }
  }

  /** {@code 2026-03-02T07:00} in the zone, {@code 2026-03-02}, or an instant with an offset. */
  private static Instant start(Fields f, ZoneId zone) {
    String text = f.text("start");
    if (text == null) {
      return DEFAULT_START.atZone(zone).toInstant();
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocal) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notDate) {
          f.problem(
              "start",
              "must be a date-time such as 2026-03-02T07:00 (in zone) or 2026-03-02T06:00:00Z,"
                  + " got '"
                  + text
                  + "'");
          return DEFAULT_START.atZone(zone).toInstant();
        }
      }
    }
  }

  /** Whether a problem at {@code reported} already explains one at {@code path}. */
  private static boolean covers(String reported, String path) {
    return !reported.isEmpty()
        && (path.equals(reported)
            || path.startsWith(reported + ".")
            || path.startsWith(reported + "[")
            || reported.startsWith(path + ".")
            || reported.startsWith(path + "["));
  }

  /** The line of the node at {@code path}, or of its closest ancestor present in the file. */
  static int lineOf(YamlNode root, String path) {
    YamlNode node = root;
    int line = root.line();
    Matcher segment = SEGMENT.matcher(path);
    while (segment.find()) {
      if (segment.group(1) != null && node instanceof YamlNode.Mapping mapping) {
        YamlNode.Entry entry = mapping.entries().get(segment.group(1));
        if (entry == null) {
          return line;
        }
        line = entry.line();
        node = entry.value();
      } else if (segment.group(2) != null && node instanceof YamlNode.Sequence sequence) {
        int index = Integer.parseInt(segment.group(2));
        if (index >= sequence.items().size()) {
          return line;
        }
        node = sequence.items().get(index);
        line = node.line();
      } else {
        return line;
      }
    }
    return line;
  }
}
