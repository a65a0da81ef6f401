package io.tandem.server.unify.streams;

import io.tandem.acs.streams.StreamFrames;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.acs.streams.*} configuration keys; each is documented, with its default, in
 * {@code server/README.md} ("ACS streams").
 *
 * @param maxFrameChars the longest text frame taken, in characters; a longer one is dropped unread
 *     and counted as refused (at most 262144, what the frame parser takes)
 * @param maxRefusedFrames refused frames after which a connection is closed with 1007
 * @param maxConnections the most connections open at once on each endpoint; more get 503
 */
@ConfigurationProperties("tandem.acs.streams")
public record AcsStreamsSettings(
    @DefaultValue("262144") int maxFrameChars,
    @DefaultValue("10") int maxRefusedFrames,
    @DefaultValue("2000") int maxConnections) {

  public AcsStreamsSettings {
    requirePositive("max-frame-chars", maxFrameChars);
    if (maxFrameChars > StreamFrames.MAX_FRAME_CHARS) {
      throw new IllegalArgumentException(
          "tandem.acs.streams.max-frame-chars must be at most "
              + StreamFrames.MAX_FRAME_CHARS
              + ", not "
              + maxFrameChars);
    }
    requirePositive("max-refused-frames", maxRefusedFrames);
    requirePositive("max-connections", maxConnections);
  }

  private static void requirePositive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "tandem.acs.streams." + key + " must be at least 1, not " + value);
    }
  }
}
