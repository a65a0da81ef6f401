package io.tandem.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/** A media stream's direction attribute (RFC 3264 §5.1, §6.1); sendrecv when none is given. */
public enum Direction {
  /** Both ways. */
  SENDRECV,
  /** The describing side only sends (a hold from the far end's point of view). */
  SENDONLY,
  /** The describing side only receives. */
  RECVONLY,
  /** Neither side sends (a hold with no music). */
  INACTIVE;

  /** The direction an answer gives to an offer of this one: sendonly ↔ recvonly. */
  public Direction answer() {
    return switch (this) {
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      case SENDRECV, INACTIVE -> this;
    };
  }

  /** Whether the describing side sends media. */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /** Whether the describing side receives media. */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** The attribute name, e.g. {@code sendonly}. */
  public String attribute() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The direction an attribute names, or empty for any other attribute. */
  public static Optional<Direction> ofAttribute(String name) {
    for (Direction direction : values()) {
      if (direction.attribute().equals(name)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }
}
