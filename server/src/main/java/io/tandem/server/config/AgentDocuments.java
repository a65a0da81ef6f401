package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.skill.AgentSkills;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Maps {@link AgentDocument}s to {@link AgentProfile}s and back. */
final class AgentDocuments {

  /** Capacity when a document gives none: one voice call or callback at a time. */
  static final Map<Channel, Integer> DEFAULT_CAPACITY =
      Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1);

  private AgentDocuments() {}

  /** The profile {@code doc} at {@code path} describes, or null when it has problems. */
  static @Nullable AgentProfile profile(AgentDocument doc, String path, Problems problems) {
    int before = problems.count();
    AgentId id = null;
    if (doc.id() == null) {
      problems.add(Problems.at(path, "id"), "is required");
    } else {
      id = problems.attempt(Problems.at(path, "id"), () -> new AgentId(doc.id()));
    }
    Map<String, Integer> skills = new LinkedHashMap<>();
    if (doc.skills() != null) {
      doc.skills()
          .forEach(
              (skill, level) -> {
                String field = Problems.at(path, "skills." + skill);
                if (problems.attempt(field, () -> AgentSkills.of(Map.of(skill, level))) != null) {
                  skills.put(skill, level);
                }
              });
    }
    Set<String> languages = new LinkedHashSet<>();
    List<String> given = ConfigurationDocument.orEmpty(doc.languages());
    for (int i = 0; i < given.size(); i++) {
      String language = given.get(i);
      if (problems.attempt(
              Problems.at(path, "languages[" + i + "]"), () -> AgentSkills.of(Map.of(), language))
          != null) {
        languages.add(language);
      }
    }
    Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
    if (doc.capacity() == null) {
      capacity.putAll(DEFAULT_CAPACITY);
    } else {
      doc.capacity()
          .forEach(
              (channel, count) -> {
                String field = Problems.at(path, "capacity." + channel);
                Channel known = Values.constant(Channel.class, channel, field, problems);
                if (known != null) {
                  capacity.put(known, count);
                }
              });
    }
    if (problems.count() > before || id == null) {
      return null;
    }
    AgentId agent = id;
    return problems.attempt(
        path.isEmpty() ? "agent" : path,
        () ->
            new AgentProfile(
                agent,
                doc.name() == null ? agent.value() : doc.name(),
                new AgentSkills(skills, languages),
                capacity,
                doc.teamsUserId()));
  }

  /** The document of {@code profile}, every key written. */
  static AgentDocument of(AgentProfile profile) {
    Map<String, Integer> capacity = new LinkedHashMap<>();
    new TreeMap<>(profile.capacity())
        .forEach((channel, count) -> capacity.put(channel.name(), count));
    return new AgentDocument(
        profile.id().value(),
        profile.name(),
        new TreeMap<>(profile.skills().proficiencies()),
        new ArrayList<>(new java.util.TreeSet<>(profile.skills().languages())),
        capacity,
        profile.teamsUserId());
  }
}
