package io.tandem.server.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which events a webhook receives: a list of patterns, each an event type name ({@code
 * interaction.Connected}), a family ({@code interaction.*}) or everything ({@code *}). An event is
 * delivered if any pattern matches its type.
 *
 * @param patterns at least one, each known to the event codec when the filter was parsed
 */
public record EventTypeFilter(List<String> patterns) {

  /** Every event. */
  public static final EventTypeFilter ALL = new EventTypeFilter(List.of("*"));

  public EventTypeFilter {
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("an event type filter has at least one pattern");
    }
  }

  /**
   * The filter of {@code patterns}, each checked against the type names the server knows.
   *
   * @throws InvalidPattern naming the index of the first unknown or malformed pattern
   */
  public static EventTypeFilter parse(List<String> patterns, Set<String> knownTypes) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException(
          "list at least one event type, or leave the field out for every event");
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      if (pattern == null || !isKnown(pattern.strip(), knownTypes)) {
        throw new InvalidPattern(
            i,
            "'"
                + pattern
                + "' is not an event type: use a type such as 'interaction.Connected', a family"
                + " such as 'interaction.*', or '*'");
      }
      checked.add(pattern.strip());
    }
    return new EventTypeFilter(checked);
  }

  /** Whether events of {@code type} pass the filter. */
  public boolean matches(String type) {
    for (String pattern : patterns) {
      if (pattern.equals("*")
          || pattern.equals(type)
          || (pattern.endsWith(".*")
              && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKnown(String pattern, Set<String> knownTypes) {
    if (pattern.equals("*") || knownTypes.contains(pattern)) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      String family = pattern.substring(0, pattern.length() - 1);
      return family.length() > 1 && knownTypes.stream().anyMatch(type -> type.startsWith(family));
    }
    return false;
  }

  /** A pattern of a filter that is not a known type or family. */
  public static final class InvalidPattern extends IllegalArgumentException {
    private final int index;

    InvalidPattern(int index, String message) {
      super(message);
      this.index = index;
    }

    /** The position of the pattern in the list. */
    public int index() {
      return index;
    }
  }
}
