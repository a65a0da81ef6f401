package io.tandem.media.session;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import io.tandem.media.silence.ComfortNoise;

/**
 * The sending state of one RTP stream (RFC 3550 §5.1): its SSRC, the next sequence number, the
 * timestamp of the current 20 ms slot, and whether the next audio packet starts a talk spurt
 * (marker bit, RFC 3551 §4.1).
 *
 * <p>Packets relayed from another stream are renumbered into this one: each foreign source (SSRC)
 * gets a timestamp offset fixed at its first packet so its spacing is kept, the first relayed
 * packet is marked, and timestamps never step back when local audio and relaying alternate, so the
 * far end sees one continuous stream across re-bridges.
 *
 * <p>Thread-safe: the pacing thread and relaying threads share it under its lock.
 */
final class OutboundStream {

  private final long ssrc;
  private int nextSequence;
  private long slotTimestamp;
  private boolean talkSpurtEnded = true;
  private boolean sentAny;
  private long lastSentTimestamp;
  private long relayedSource = -1;
  private long relayOffset;

  OutboundStream(long ssrc, int firstSequence, long firstTimestamp) {
    this.ssrc = ssrc;
    this.nextSequence = firstSequence;
    this.slotTimestamp = firstTimestamp;
  }

  long ssrc() {
    return ssrc;
  }

  /** The audio packet of the current slot; marked if it starts a talk spurt. */
  synchronized RtpPacket audio(int payloadType, byte[] payload) {
    keepTimestampsAdvancing();
    boolean marker = talkSpurtEnded;
    talkSpurtEnded = false;
    return stamp(RtpPacket.of(marker, payloadType, nextSequence, slotTimestamp, ssrc, payload));
  }

  /** A telephone-event packet of an event that started at {@code eventTimestamp}. */
  synchronized RtpPacket event(
      int payloadType, long eventTimestamp, boolean marker, byte[] payload) {
    return stamp(RtpPacket.of(marker, payloadType, nextSequence, eventTimestamp, ssrc, payload));
  }

  /** A comfort-noise packet for the current slot; the next audio starts a talk spurt. */
  synchronized RtpPacket comfortNoise(byte[] payload) {
    keepTimestampsAdvancing();
    talkSpurtEnded = true;
    return stamp(
        RtpPacket.of(false, ComfortNoise.PAYLOAD_TYPE, nextSequence, slotTimestamp, ssrc, payload));
  }

  /** The timestamp of the current slot (where a new event starts). */
  synchronized long slotTimestamp() {
    keepTimestampsAdvancing();
    return slotTimestamp;
  }

  /** Nothing was sent in this slot: the next audio packet starts a talk spurt. */
  synchronized void silence() {
    talkSpurtEnded = true;
  }

  /** Moves {@code slots} 20 ms slots on at once: time that passed while nothing was ticking. */
  synchronized void skipSlots(long slots) {
    if (slots > 0) {
      slotTimestamp = SerialNumbers.addToTimestamp(slotTimestamp, slots * FrameFormat.SAMPLES);
    }
  }

  /** Moves to the next 20 ms slot. */
  synchronized void nextSlot() {
    slotTimestamp = SerialNumbers.addToTimestamp(slotTimestamp, FrameFormat.SAMPLES);
  }

  /** {@code foreign} renumbered into this stream. */
  synchronized RtpPacket relay(RtpPacket foreign) {
    boolean newSource = foreign.ssrc() != relayedSource;
    if (newSource) {
      keepTimestampsAdvancing();
      relayedSource = foreign.ssrc();
      relayOffset = slotTimestamp - foreign.timestamp();
    }
    long timestamp = SerialNumbers.addToTimestamp(foreign.timestamp(), relayOffset);
    talkSpurtEnded = false;
    return stamp(foreign.withStream(newSource || foreign.marker(), nextSequence, timestamp, ssrc));
  }

  /** Forgets the relayed source: the next relayed packet starts afresh (a re-bridge). */
  synchronized void restartRelay() {
    relayedSource = -1;
    talkSpurtEnded = true;
  }

  private RtpPacket stamp(RtpPacket packet) {
    nextSequence = SerialNumbers.nextSequence(nextSequence);
    if (!sentAny || SerialNumbers.timestampDelta(lastSentTimestamp, packet.timestamp()) > 0) {
      lastSentTimestamp = packet.timestamp();
    }
    sentAny = true;
    return packet;
  }

  private void keepTimestampsAdvancing() {
    if (sentAny && SerialNumbers.timestampDelta(lastSentTimestamp, slotTimestamp) <= 0) {
      slotTimestamp = SerialNumbers.addToTimestamp(lastSentTimestamp, FrameFormat.SAMPLES);
    }
  }
}
