package io.tandem.media.dtmf;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 4733 packet train for one digit: one packet per 20 ms while the key is down, all with the
 * event's start timestamp, the first with the marker bit, the duration growing by 160 each time;
 * then the end packet (E bit, full duration) sent three times (§2.5.1.4).
 *
 * <p>A 100 ms digit is seven packets: durations 160, 320, 480, 640, then 800 three times with E.
 *
 * @param payloadType the negotiated telephone-event payload type (default 101)
 * @param duration how long the key is held (default 100 ms; at most 8.19 s, one event's limit)
 * @param volume the power level as −dBm0 (default 10)
 */
public record DtmfSender(int payloadType, Duration duration, int volume) {

  /** The default: payload type 101, 100 ms, −10 dBm0. */
  public static final DtmfSender DEFAULT =
      new DtmfSender(TelephoneEvent.DEFAULT_PAYLOAD_TYPE, Duration.ofMillis(100), 10);

  /** Timestamp units between packets: 20 ms at 8 kHz. */
  public static final int PACKET_INTERVAL = 160;

  /** How many times the end packet is sent. */
  public static final int END_PACKETS = 3;

  private static final int CLOCK_RATE = 8000;

  /** Validates the ranges. */
  public DtmfSender {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range 0..127: " + payloadType);
    }
    long units = duration.toMillis() * CLOCK_RATE / 1000;
    if (units < 1 || units > 0xFFFF) {
      throw new IllegalArgumentException("duration must be 1 ms to 8.19 s: " + duration);
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("volume out of range 0..63: " + volume);
    }
  }

  /** This sender with another key-down time. */
  public DtmfSender withDuration(Duration newDuration) {
    return new DtmfSender(payloadType, newDuration, volume);
  }

  /** This sender with another telephone-event payload type (as negotiated in SDP). */
  public DtmfSender withPayloadType(int newPayloadType) {
    return new DtmfSender(newPayloadType, duration, volume);
  }

  /** The payloads of one digit's train, in sending order, one per 20 ms slot. */
  public List<TelephoneEvent> events(DtmfDigit digit) {
    int total = (int) (duration.toMillis() * CLOCK_RATE / 1000);
    List<TelephoneEvent> events = new ArrayList<>();
    for (int sofar = PACKET_INTERVAL; sofar < total; sofar += PACKET_INTERVAL) {
      events.add(new TelephoneEvent(digit.event(), false, volume, sofar));
    }
    for (int i = 0; i < END_PACKETS; i++) {
      events.add(new TelephoneEvent(digit.event(), true, volume, total));
    }
    return events;
  }

  /**
   * One digit's train as RTP packets of stream {@code ssrc}, numbered from {@code firstSequence},
   * all stamped {@code timestamp}, the first marked.
   */
  public List<RtpPacket> packets(DtmfDigit digit, long ssrc, int firstSequence, long timestamp) {
    List<RtpPacket> packets = new ArrayList<>();
    int sequence = firstSequence;
    for (TelephoneEvent event : events(digit)) {
      packets.add(
          RtpPacket.of(packets.isEmpty(), payloadType, sequence, timestamp, ssrc, event.toBytes()));
      sequence = SerialNumbers.nextSequence(sequence);
    }
    return packets;
  }
}
