package io.tandem.simulator;

import io.tandem.core.queue.Announcements;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Maps a queue's {@code announcements} entry ({@code musicOnHold}, {@code interval} or {@code
 * none}, {@code announcePosition}, {@code announceExpectedWait}) to {@link Announcements}; absent
 * keys keep {@link Announcements#standard()}'s values.
 */
final class AnnouncementsMapping {

  private AnnouncementsMapping() {}

  static Announcements announcements(Fields queue, Problems problems) {
    Announcements standard = Announcements.standard();
    YamlNode node = queue.get("announcements");
    if (node == null) {
      return standard;
    }
    Fields f =
        new Fields(
            node,
            queue.at("announcements"),
            problems,
            "musicOnHold",
            "interval",
            "announcePosition",
            "announceExpectedWait");
    return new Announcements(
        f.text("musicOnHold", standard.musicOnHold()),
        interval(f, standard.interval()),
        f.flag("announcePosition", standard.announcePosition()),
        f.flag("announceExpectedWait", standard.announceExpectedWait()));
  }

  private static @Nullable Duration interval(Fields f, @Nullable Duration otherwise) {
    if (f.get("interval") instanceof YamlNode.Scalar scalar && scalar.text().equals("none")) {
      return null;
    }
    Duration interval = f.duration("interval", otherwise == null ? Duration.ZERO : otherwise);
    if (!interval.isPositive()) {
      f.problem("interval", "must be > 0s or none, got " + DurationText.format(interval));
      return otherwise;
    }
    return interval;
  }
}
