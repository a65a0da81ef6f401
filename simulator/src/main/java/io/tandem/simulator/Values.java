package io.tandem.simulator;

import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.skill.InvalidSkillExpressionException;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads the composite values of scenario files: distributions, skill expressions, actions … */
final class Values {

  private static final Set<String> DISTRIBUTIONS =
      Set.of("exponential", "lognormal", "fixed", "uniform");

  private Values() {}

  /**
   * A distribution: a bare duration is fixed; otherwise {@code {distribution: exponential, mean:
   * 2m}}, {@code lognormal} with {@code mean} and {@code stddev}, {@code fixed} with {@code value},
   * {@code uniform} with {@code min} and {@code max}. Returns null (problem recorded) if bad or
   * absent.
   */
  static @Nullable Distribution distribution(Fields parent, String key) {
    YamlNode node = parent.get(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar) {
      Duration fixed = parent.duration(key);
      return fixed == null ? null : new Distribution.Fixed(fixed);
    }
    String path = parent.at(key);
    String kind = null;
    if (node instanceof YamlNode.Mapping mapping
        && mapping.entries().get("distribution") != null
        && mapping.entries().get("distribution").value() instanceof YamlNode.Scalar scalar) {
      kind = scalar.text().toLowerCase(Locale.ROOT);
    }
    String[] known =
        switch (kind == null ? "" : kind) {
          case "exponential" -> new String[] {"distribution", "mean"};
          case "lognormal" -> new String[] {"distribution", "mean", "stddev"};
          case "fixed" -> new String[] {"distribution", "value"};
          case "uniform" -> new String[] {"distribution", "min", "max"};
          default -> new String[] {"distribution", "mean", "stddev", "value", "min", "max"};
        };
    Problems problems = parent.problems();
    int before = problems.count();
    Fields fields = new Fields(node, path, problems, known);
    if (kind == null) {
      if (node instanceof YamlNode.Mapping) {
        fields.missing("distribution");
      }
      return null;
    }
    if (!DISTRIBUTIONS.contains(kind)) {
      fields.problem(
          "distribution",
          "must be exponential, lognormal, fixed or uniform, got '"
              + fields.text("distribution")
              + "'");
      return null;
    }
    Distribution distribution =
        switch (kind) {
          case "exponential" -> new Distribution.Exponential(required(fields, "mean"));
          case "lognormal" ->
              new Distribution.LogNormal(required(fields, "mean"), required(fields, "stddev"));
          case "fixed" -> new Distribution.Fixed(required(fields, "value"));
          default -> new Distribution.Uniform(required(fields, "min"), required(fields, "max"));
        };
    return problems.count() == before ? distribution : null;
  }

  private static Duration required(Fields fields, String key) {
    if (!fields.has(key)) {
      fields.missing(key);
      return Duration.ZERO;
    }
    return fields.duration(key, Duration.ZERO);
  }

  /** A skill expression; problems name the character position where parsing failed. */
  static SkillExpression expression(Fields fields, String key, SkillExpression otherwise) {
    String text = fields.text(key);
    if (text == null) {
      return otherwise;
    }
    try {
      return SkillExpression.parse(text);
    } catch (InvalidSkillExpressionException e) {
      fields.problem(key, "is not a valid skill expression: " + e.getMessage());
      return otherwise;
    }
  }

  /**
   * What to do with an interaction that leaves a queue: {@code callback}, {@code disconnect},
   * {@code voicemail}, or a mapping {@code {queue: id}}, {@code {voicemail: mailbox}}, {@code
   * {forward: +E164}}, {@code {disconnect: message}}.
   */
  static @Nullable QueueAction action(Fields parent, String key, String queueId) {
    YamlNode node = parent.get(key);
    if (node == null) {
      return null;
    }
    String expected =
        "must be callback, disconnect, voicemail, {queue: <id>}, {voicemail: <mailbox>},"
            + " {forward: <+E164 number>} or {disconnect: <message>}";
    try {
      if (node instanceof YamlNode.Scalar scalar) {
        return switch (scalar.text()) {
          case "callback" -> new QueueAction.OfferCallback();
          case "disconnect" -> new QueueAction.Disconnect("prompt:goodbye");
          case "voicemail" -> new QueueAction.ToVoicemail(queueId);
          default -> {
            parent.problem(key, expected + ", got '" + scalar.text() + "'");
            yield null;
          }
        };
      }
      if (node instanceof YamlNode.Mapping mapping && mapping.entries().size() == 1) {
        YamlNode.Entry entry = mapping.entries().values().iterator().next();
        if (entry.value() instanceof YamlNode.Scalar value) {
          String text = value.text();
          switch (entry.key()) {
            case "queue" -> {
              return new QueueAction.ToQueue(new QueueId(text));
            }
            case "voicemail" -> {
              return new QueueAction.ToVoicemail(text);
            }
            case "forward" -> {
              return new QueueAction.ToNumber(text);
            }
            case "disconnect" -> {
              return new QueueAction.Disconnect(text);
            }
            default -> {
              // Reported below.
            }
          }
        }
      }
      parent.problem(key, expected + ", got " + YamlNode.describe(node));
    } catch (IllegalArgumentException e) {
      parent.problem(key, e.getMessage());
    }
    return null;
  }

  /**
   * A routing strategy, written {@code longest-idle}, {@code LONGEST_IDLE} or {@code longestIdle}.
   */
  static RoutingStrategyKind strategy(Fields fields, String key) {
    String text = fields.text(key);
    if (text == null) {
      return RoutingStrategyKind.LONGEST_IDLE;
    }
    String wanted = normalise(text);
    for (RoutingStrategyKind kind : RoutingStrategyKind.values()) {
      if (normalise(kind.name()).equals(wanted)) {
        return kind;
      }
    }
    fields.problem(
        key,
        "must be one of "
            + Arrays.stream(RoutingStrategyKind.values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
    return RoutingStrategyKind.LONGEST_IDLE;
  }

  /** A Teams availability as Graph spells it ({@code Busy}, {@code DoNotDisturb} …). */
  static @Nullable Availability availability(String text) {
    String wanted = normalise(text);
    for (Availability availability : Availability.values()) {
      if (normalise(availability.graphName()).equals(wanted)) {
        return availability;
      }
    }
    return null;
  }

  static String availabilities() {
    return Arrays.stream(Availability.values())
        .map(Availability::graphName)
        .collect(Collectors.joining(", "));
  }

  private static String normalise(String text) {
    return text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }
}
