package io.tandem.core.skill;

import java.util.Set;

/** The agent does not speak {@code language}; written {@code lang != de}. */
final class DoesNotSpeak implements Condition {
  private final String language;

  DoesNotSpeak(String language) {
    this.language = language;
  }

  @Override
  public boolean test(AgentSkills agent) {
    return !agent.speaks(language);
  }

  @Override
  public void render(StringBuilder out) {
    out.append("lang != ").append(language);
  }

  @Override
  public int binding() {
    return BINDS_AS_ATOM;
  }

  @Override
  public void collect(Set<String> skills, Set<String> languages) {
    languages.add(language);
  }
}
