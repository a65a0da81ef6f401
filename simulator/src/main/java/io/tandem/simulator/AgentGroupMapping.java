package io.tandem.simulator;

import io.tandem.core.presence.Availability;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.simulation.PresenceFlips;
import io.tandem.core.simulation.Shift;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps one {@code agents[i]} entry of a scenario file to an {@link AgentGroup}. */
final class AgentGroupMapping {

  static final String[] KEYS = {
    "name",
    "count",
    "skills",
    "languages",
    "shifts",
    "answerDelay",
    "noAnswerProbability",
    "readyAgainAfter",
    "presenceFlips"
  };

  private AgentGroupMapping() {}

  static AgentGroup group(Fields.Item item, int index, Problems problems) {
    Fields f = new Fields(item.node(), item.path(), problems, KEYS);
    String name = f.text("name");
    if (name == null) {
      f.missing("name");
      name = "group-" + (index + 1);
    }
    if (!f.has("count")) {
      f.missing("count");
    }
    int count = f.wholeInt("count", 0);
    Distribution answerDelay = Values.distribution(f, "answerDelay");
    return new AgentGroup(
        name,
        count,
        skills(f, problems),
        shifts(f, problems),
        answerDelay == null ? AgentGroup.DEFAULT_ANSWER_DELAY : answerDelay,
        f.number("noAnswerProbability", 0),
        f.duration("readyAgainAfter", AgentGroup.DEFAULT_READY_AGAIN_AFTER),
        presenceFlips(f, problems));
  }

  /** {@code skills: {billing: 4, support: 2}} plus {@code languages: [de, en]}. */
  private static AgentSkills skills(Fields f, Problems problems) {
    Map<String, Integer> proficiencies = new LinkedHashMap<>();
    YamlNode node = f.get("skills");
    if (node instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry entry : mapping.entries().values()) {
        String path = f.at("skills") + "." + entry.key();
        if (entry.value() instanceof YamlNode.Scalar scalar
            && scalar.token() == tools.jackson.core.JsonToken.VALUE_NUMBER_INT) {
          try {
            int level = Integer.parseInt(scalar.text());
            AgentSkills.of(Map.of(entry.key(), level));
            proficiencies.put(entry.key(), level);
          } catch (IllegalArgumentException e) {
            problems.add(path, entry.line(), e.getMessage());
          }
        } else {
          problems.add(
              path,
              entry.line(),
              "must be a proficiency 1-5, got " + YamlNode.describe(entry.value()));
        }
      }
    } else if (node != null) {
      f.problem(
          "skills", "must map skill names to proficiencies 1-5, e.g. {billing: 4, support: 2}");
    }
    Set<String> languages = new LinkedHashSet<>();
    for (Fields.Item language : f.list("languages")) {
      String text = language.node() instanceof YamlNode.Scalar s ? s.text() : null;
      try {
        if (text == null) {
          throw new IllegalArgumentException("must be a language tag such as de or en");
        }
        AgentSkills.of(Map.of(), text);
        languages.add(text);
      } catch (IllegalArgumentException e) {
        problems.add(language.path(), language.node().line(), e.getMessage());
      }
    }
    return new AgentSkills(proficiencies, languages);
  }

  private static List<Shift> shifts(Fields f, Problems problems) {
    List<Shift> shifts = new ArrayList<>();
    for (Fields.Item item : f.list("shifts")) {
      Fields shift = new Fields(item.node(), item.path(), problems, "start", "end", "every");
      if (!shift.has("start")) {
        shift.missing("start");
      }
      if (!shift.has("end")) {
        shift.missing("end");
      }
      Duration start = shift.duration("start", Duration.ZERO);
      shifts.add(
          new Shift(start, shift.duration("end", start.plusHours(1)), shift.duration("every")));
    }
    return shifts;
  }

  /** {@code presenceFlips: {perHour: 0.5, meanAway: 10m, availability: Busy}}. */
  private static @Nullable PresenceFlips presenceFlips(Fields f, Problems problems) {
    YamlNode node = f.get("presenceFlips");
    if (node == null) {
      return null;
    }
    Fields flips =
        new Fields(node, f.at("presenceFlips"), problems, "perHour", "meanAway", "availability");
    if (!flips.has("perHour")) {
      flips.missing("perHour");
    }
    if (!flips.has("meanAway")) {
      flips.missing("meanAway");
    }
    Availability availability = Availability.BUSY;
    String text = flips.text("availability");
    if (text != null) {
      availability = Values.availability(text);
      if (availability == null) {
        flips.problem(
            "availability",
            "must be a Teams availability (" + Values.availabilities() + "), got '" + text + "'");
        availability = Availability.BUSY;
      }
    }
    return new PresenceFlips(
        flips.number("perHour", 0),
        flips.duration("meanAway", Duration.ofMinutes(10)),
        availability);
  }
}
