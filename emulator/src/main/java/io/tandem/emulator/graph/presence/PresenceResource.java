package io.tandem.emulator.graph.presence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A presence subscription's {@code resource}: {@code /communications/presences/{id}} for one user
 * or {@code /communications/presences?$filter=id in ('{id}','{id}',…)} for up to 650 (leading slash
 * optional, the query may be URL-encoded).
 */
record PresenceResource(Set<String> userIds) {

  private static final Pattern SINGLE = Pattern.compile("/?communications/presences/([^/?]+)");
  private static final Pattern BULK =
      Pattern.compile(
          "/?communications/presences\\?\\$filter=\\s*id\\s+in\\s*\\((.*)\\)\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("\\s*'([^']*)'\\s*");

  PresenceResource {
    userIds = Set.copyOf(userIds);
  }

  /** The ids of {@code resource}, or empty when it is no presence resource. */
  static Optional<PresenceResource> parse(String resource) {
    String text = URLDecoder.decode(resource.replace("+", "%2B"), StandardCharsets.UTF_8).trim();
    Matcher single = SINGLE.matcher(text);
    if (single.matches()) {
      return Optional.of(new PresenceResource(Set.of(single.group(1))));
    }
    Matcher bulk = BULK.matcher(text);
    if (!bulk.matches()) {
      return Optional.empty();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String item : bulk.group(1).split(",", -1)) {
      Matcher quoted = QUOTED.matcher(item);
      if (!quoted.matches()) {
        return Optional.empty();
      }
      ids.add(quoted.group(1));
    }
    return Optional.of(new PresenceResource(ids));
  }
}
