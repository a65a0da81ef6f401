package io.tandem.emulator.pstn.trunk;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfToneDetector;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.silence.ComfortNoise;
import io.tandem.media.silence.VoiceActivityDetector;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a trunk caller hears: every RTP packet the contact center sends (early media included),
 * decoded from G.711 in arrival order, measured per 20 ms frame (louder than −45 dBov counts as
 * sound; in-band DTMF through the media module's detector), RFC 4733 digits as reported once per
 * key press, and the first {@code limit} samples kept for a WAV file (µ-law in memory, 8 kB/s).
 *
 * <p>Threading: fed on the RTP session's receiving thread, read from any thread; synchronized.
 */
final class HeardAudio implements RtpListener {

  /** A snapshot of the counters. */
  record Stats(
      long packets,
      long audioFrames,
      long soundFrames,
      String rfc4733Digits,
      String inbandDigits,
      double keptSeconds) {

    double audioSeconds() {
      return audioFrames * FrameFormat.MILLIS / 1000.0;
    }

    double soundSeconds() {
      return soundFrames * FrameFormat.MILLIS / 1000.0;
    }
  }

  private final int limitSamples;
  private final DtmfToneDetector inband = new DtmfToneDetector();
  private final short[] frame = new short[FrameFormat.SAMPLES];
  private final StringBuilder rfc4733Digits = new StringBuilder();
  private final StringBuilder inbandDigits = new StringBuilder();
  private byte[] kept = new byte[0];
  private int keptLength;
  private int framed;
  private long packets;
  private long audioFrames;
  private long soundFrames;

  HeardAudio(int limitSamples) {
    this.limitSamples = limitSamples;
  }

  @Override
  public synchronized void onPacket(RtpPacket packet) {
    packets++;
    if (!G711.isG711(packet.payloadType())) {
      return;
    }
    short[] samples = G711.forPayloadType(packet.payloadType()).decode(packet.payload());
    keep(packet.payloadType() == G711.PCMU.payloadType() ? packet.payload() : null, samples);
    for (short sample : samples) {
      frame[framed++] = sample;
      if (framed == frame.length) {
        measure();
        framed = 0;
      }
    }
  }

  @Override
  public synchronized void onDigit(DtmfDigit digit) {
    rfc4733Digits.append(digit.symbol());
  }

  private void measure() {
    audioFrames++;
    if (ComfortNoise.levelOf(frame) < VoiceActivityDetector.DEFAULT_THRESHOLD) {
      soundFrames++;
    }
    inband.accept(frame).ifPresent(digit -> inbandDigits.append(digit.symbol()));
  }

  private void keep(byte @Nullable [] muLaw, short[] samples) {
    int room = Math.min(samples.length, limitSamples - keptLength);
    if (room <= 0) {
      return;
    }
    if (keptLength + room > kept.length) {
      kept =
          Arrays.copyOf(
              kept,
              Math.min(limitSamples, Math.max(keptLength + room, Math.max(kept.length * 2, 8000))));
    }
    for (int i = 0; i < room; i++) {
      kept[keptLength + i] = muLaw != null ? muLaw[i] : G711.PCMU.encode(samples[i]);
    }
    keptLength += room;
  }

  synchronized Stats stats() {
    return new Stats(
        packets,
        audioFrames,
        soundFrames,
        rfc4733Digits.toString(),
        inbandDigits.toString(),
        keptLength / (double) FrameFormat.SAMPLE_RATE);
  }

  /** The kept audio as a 16-bit PCM WAV file, 8 kHz mono. */
  synchronized byte[] wav() {
    short[] samples = G711.PCMU.decode(Arrays.copyOf(kept, keptLength));
    return WavWriter.toBytes(PcmAudio.narrowband(samples), WavEncoding.PCM16);
  }
}
