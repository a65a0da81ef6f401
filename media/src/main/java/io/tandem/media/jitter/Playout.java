package io.tandem.media.jitter;

import io.tandem.media.rtp.RtpPacket;
import org.jspecify.annotations.Nullable;

/**
 * What the jitter buffer yields for one 20 ms slot.
 *
 * @param kind whether this is a packet, a concealment of a missing one, or silence
 * @param packet the packet played ({@code PACKET}) or repeated ({@code CONCEALED}); null for {@code
 *     SILENCE}
 * @param repetition for {@code CONCEALED}, how many slots in a row have been concealed (1, 2, …)
 */
public record Playout(Kind kind, @Nullable RtpPacket packet, int repetition) {

  /** The kinds of slot. */
  public enum Kind {
    /** The packet due in this slot. */
    PACKET,
    /** The due packet is missing: the last packet is repeated in its place. */
    CONCEALED,
    /** Nothing to play: buffering, or too long a gap to conceal. */
    SILENCE
  }

  static final Playout SILENCE = new Playout(Kind.SILENCE, null, 0);
}
