package io.tandem.media.dtmf;

/**
 * The 4-byte RFC 4733 §2.3 telephone-event payload: event code, end bit, volume and duration.
 *
 * @param event the event code, 0-255 (0-15 are the DTMF digits)
 * @param end the E bit: this packet reports the end of the event
 * @param volume the power level as −dBm0, 0-63 (larger is quieter)
 * @param duration the event's duration so far, in RTP timestamp units, 0-65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

  /** Bytes of the payload. */
  public static final int LENGTH = 4;

  /** The payload type Tandem offers for telephone-event when none is negotiated. */
  public static final int DEFAULT_PAYLOAD_TYPE = 101;

  /** Validates the field ranges. */
  public TelephoneEvent {
    requireRange("event", event, 255);
    requireRange("volume", volume, 63);
    requireRange("duration", duration, 0xFFFF);
  }

  /**
   * Reads the first four bytes of an RTP payload.
   *
   * @throws IllegalArgumentException if the payload is shorter than four bytes
   */
  public static TelephoneEvent parse(byte[] payload) {
    if (payload.length < LENGTH) {
      throw new IllegalArgumentException(
          "telephone-event payload needs 4 bytes, got " + payload.length);
    }
    return new TelephoneEvent(
        payload[0] & 0xFF,
        (payload[1] & 0x80) != 0,
        payload[1] & 0x3F,
        (payload[2] & 0xFF) << 8 | payload[3] & 0xFF);
  }

  /** The payload bytes (the reserved R bit is zero). */
  public byte[] toBytes() {
    return new byte[] {
      (byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration
    };
  }

  private static void requireRange(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
    }
  }
}
