package io.tandem.server.demo;

import io.tandem.core.agent.AgentId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.simulation.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the demo file's second document, the virtual assistant and the callers' and agents' habits,
 * strictly: an unknown or repeated key, a value of the wrong type or out of range is a problem that
 * names its field ({@code line 131: virtualAssistant.menu.timout is not a known key; known keys:
 * ...}, {@code callers.silentShare must be between 0 and 1, got 1.5}). Whether the queues it names
 * exist is checked by {@link DemoFile}.
 */
final class DemoExtrasReader {

  /** The second document, read and checked on its own. */
  record Extras(
      EntryMenu entryMenu,
      CallerHabits callers,
      AgentHabits agents,
      Map<AgentId, String> teamsUsers) {}

  // The document's shape: every key optional here, so that a missing one is reported by path.
  record Document(
      @Nullable Assistant virtualAssistant,
      @Nullable Callers callers,
      @Nullable Agents agents,
      @Nullable Map<String, String> teamsUsers) {}

  record Assistant(@Nullable String greeting, @Nullable Menu menu) {}

  record Menu(
      @Nullable String prompt,
      @Nullable Map<String, String> choices,
      @Nullable String timeout,
      @Nullable Integer retries,
      @Nullable String retryPrompt,
      @Nullable String noInput) {}

  record Callers(
      @Nullable String promptLength,
      @Nullable Range pressAfter,
      @Nullable Double silentShare,
      @Nullable String voicemailLength) {}

  record Agents(
      @Nullable Range wrapUpAfter,
      @Nullable Map<String, List<String>> wrapUpCodes,
      @Nullable Double endCallShare,
      @Nullable BreakPlan breaks) {}

  record Range(@Nullable String min, @Nullable String max) {}

  record BreakPlan(@Nullable Double perHour, @Nullable Range length, @Nullable String reason) {}

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final Pattern DTMF_KEY = Pattern.compile("[0-9*#]");

  private final List<String> problems;
  private final YamlLines lines;

  private DemoExtrasReader(List<String> problems, YamlLines lines) {
    this.problems = problems;
    this.lines = lines;
  }

  /**
   * Reads {@code yaml}; returns {@code null} when it has problems, which go to {@code problems}.
   */
  static @Nullable Extras read(String yaml, List<String> problems) {
    if (yaml.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
      problems.add("the second document is empty: expected virtualAssistant, callers, agents");
      return null;
    }
    Document document;
    try {
      document = YAML.readValue(yaml, Document.class);
    } catch (JacksonException e) {
      problems.add(describe(e, YamlLines.of(yaml)));
      return null;
    }
    if (document == null) {
      problems.add("the second document is empty: expected virtualAssistant, callers, agents");
      return null;
    }
    int before = problems.size();
    DemoExtrasReader reader = new DemoExtrasReader(problems, YamlLines.of(yaml));
    Extras extras =
        new Extras(
            reader.entryMenu(document.virtualAssistant()),
            reader.callers(
                document.callers() == null
                    ? new Callers(null, null, null, null)
                    : document.callers()),
            reader.agents(
                document.agents() == null ? new Agents(null, null, null, null) : document.agents()),
            reader.teamsUsers(document.teamsUsers()));
    return problems.size() == before ? extras : null;
  }

  private EntryMenu entryMenu(@Nullable Assistant assistant) {
    String at = "virtualAssistant";
    Assistant va = assistant == null ? missing(at, new Assistant(null, null)) : assistant;
    Menu menu =
        va.menu() == null
            ? missing(at + ".menu", new Menu(null, null, null, null, null, null))
            : va.menu();
    Map<String, QueueId> choices = new LinkedHashMap<>();
    if (menu.choices() == null || menu.choices().isEmpty()) {
      problem(at + ".menu.choices", "is required: DTMF key to queue, e.g. {\"1\": billing}");
    } else {
      menu.choices()
          .forEach(
              (key, queue) -> {
                String path = at + ".menu.choices." + key;
                if (!DTMF_KEY.matcher(key).matches()) {
                  problem(path, "must be one DTMF key 0-9, * or #");
                }
                choices.put(key, queueId(path, queue));
              });
    }
    int retries = menu.retries() == null ? 1 : menu.retries();
    if (retries < 0 || retries > 5) {
      problem(at + ".menu.retries", "must be 0-5, got " + retries);
    }
    return new EntryMenu(
        required(at + ".greeting", va.greeting()),
        required(at + ".menu.prompt", menu.prompt()),
        choices,
        positive(at + ".menu.timeout", menu.timeout(), Duration.ofSeconds(5)),
        retries,
        menu.retryPrompt(),
        queueId(at + ".menu.noInput", required(at + ".menu.noInput", menu.noInput())));
  }

  private Map<AgentId, String> teamsUsers(@Nullable Map<String, String> teamsUsers) {
    Map<AgentId, String> users = new LinkedHashMap<>();
    if (teamsUsers != null) {
      teamsUsers.forEach(
          (agent, user) -> {
            String path = "teamsUsers." + agent;
            try {
              users.put(new AgentId(agent), required(path, user));
            } catch (IllegalArgumentException e) {
              problem(path, "is not an agent id: " + e.getMessage());
            }
          });
    }
    return users;
  }

  private CallerHabits callers(Callers callers) {
    return new CallerHabits(
        positive("callers.promptLength", callers.promptLength(), Duration.ofSeconds(4)),
        range(
            "callers.pressAfter",
            callers.pressAfter(),
            new Distribution.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(4))),
        share("callers.silentShare", callers.silentShare()),
        positive("callers.voicemailLength", callers.voicemailLength(), Duration.ofSeconds(20)));
  }

  private AgentHabits agents(Agents agents) {
    Map<QueueId, List<String>> codes = new LinkedHashMap<>();
    if (agents.wrapUpCodes() != null) {
      agents
          .wrapUpCodes()
          .forEach(
              (queue, list) -> {
                String path = "agents.wrapUpCodes." + queue;
                List<String> valid = new ArrayList<>();
                for (String code : list == null ? List.<String>of() : list) {
                  if (code == null || code.isBlank()) {
                    problem(path, "must list codes, not empty ones");
                  } else {
                    valid.add(code);
                  }
                }
                codes.put(queueId(path, queue), List.copyOf(valid));
              });
    }
    return new AgentHabits(
        range("agents.wrapUpAfter", agents.wrapUpAfter(), AgentHabits.DEFAULT_WRAP_UP_AFTER),
        codes,
        share("agents.endCallShare", agents.endCallShare()),
        breaks(agents.breaks()));
  }

  private AgentHabits.@Nullable Breaks breaks(@Nullable BreakPlan plan) {
    if (plan == null) {
      return null;
    }
    String at = "agents.breaks";
    double perHour = plan.perHour() == null ? missing(at + ".perHour", 0.0) : plan.perHour();
    if (perHour < 0 || perHour > 60) {
      problem(at + ".perHour", "must be 0-60, got " + perHour);
    }
    Distribution length =
        plan.length() == null
            ? missing(at + ".length", new Distribution.Fixed(Duration.ofMinutes(5)))
            : range(at + ".length", plan.length(), null);
    String reason = plan.reason() == null || plan.reason().isBlank() ? "break" : plan.reason();
    return new AgentHabits.Breaks(perHour, length, reason);
  }

  private Distribution range(String path, @Nullable Range range, @Nullable Distribution otherwise) {
    if (range == null && otherwise != null) {
      return otherwise;
    }
    Range given = range == null ? new Range(null, null) : range;
    Duration min = duration(path + ".min", required(path + ".min", given.min()), Duration.ZERO);
    Duration max = duration(path + ".max", required(path + ".max", given.max()), min);
    if (max.compareTo(min) < 0) {
      problem(path + ".max", "must not be below min");
    }
    return new Distribution.Uniform(min, max);
  }

  private Duration positive(String path, @Nullable String text, Duration otherwise) {
    Duration duration = text == null ? otherwise : duration(path, text, otherwise);
    if (duration.isZero()) {
      problem(path, "must be positive");
    }
    return duration;
  }

  private Duration duration(String path, String text, Duration otherwise) {
    Duration duration = ShortDurations.parse(text);
    if (duration == null) {
      problem(path, "must be " + ShortDurations.EXPECTED + ", got '" + text + "'");
      return otherwise;
    }
    return duration;
  }

  private double share(String path, @Nullable Double value) {
    if (value == null) {
      return 0;
    }
    if (!(value >= 0 && value <= 1)) {
      problem(path, "must be between 0 and 1, got " + value);
      return 0;
    }
    return value;
  }

  private QueueId queueId(String path, @Nullable String text) {
    if (text == null) {
      problem(path, "is required: a queue id");
      return new QueueId("invalid");
    }
    try {
      return new QueueId(text);
    } catch (IllegalArgumentException e) {
      problem(path, "is not a queue id: " + e.getMessage());
      return new QueueId("invalid");
    }
  }

  private String required(String path, @Nullable String text) {
    if (text == null || text.isBlank()) {
      problem(path, "is required");
      return "?";
    }
    return text;
  }

  private void problem(String path, String message) {
    problems.add(lines.prefix(path) + path + " " + message);
  }

  private <T> T missing(String path, T placeholder) {
    problem(path, "is required");
    return placeholder;
  }

  /** {@code line 7: callers.pressAfter.mean is not a known key; known keys: max, min}. */
  private static String describe(JacksonException e, YamlLines lines) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    String message;
    if (e instanceof PropertyBindingException unknown) {
      TreeSet<String> known = new TreeSet<>();
      unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      message = "is not a known key; known keys: " + String.join(", ", known);
    } else {
      String original = e.getOriginalMessage();
      message =
          "is not valid: "
              + (original == null
                  ? e.getClass().getSimpleName()
                  : original.lines().findFirst().orElse(""));
    }
    String line = lines.prefix(path.toString());
    TokenStreamLocation location = e.getLocation();
    if (line.isEmpty() && location != null && location.getLineNr() > 0) {
      line = "line " + location.getLineNr() + ": ";
    }
    return line + (path.isEmpty() ? "the second document" : path.toString()) + " " + message;
  }
}
