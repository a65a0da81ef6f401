package io.tandem.core.skill;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The agent speaks at least one of {@code languages}; written {@code lang == de} or {@code lang in
 * (de, en)}.
 */
final class SpeaksAnyOf implements Condition {
  private final String[] languages;

  /** {@code languages}: distinct, sorted, at least one. */
  SpeaksAnyOf(List<String> languages) {
    this.languages = languages.toArray(String[]::new);
  }

  @Override
  public boolean test(AgentSkills agent) {
    for (String language : languages) {
      if (agent.speaks(language)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void render(StringBuilder out) {
    if (languages.length == 1) {
      out.append("lang == ").append(languages[0]);
    } else {
      out.append("lang in (").append(String.join(", ", languages)).append(')');
    }
  }

  @Override
  public int binding() {
    return BINDS_AS_ATOM;
  }

  @Override
  public void collect(Set<String> skills, Set<String> languages) {
    languages.addAll(Arrays.asList(this.languages));
  }
}
