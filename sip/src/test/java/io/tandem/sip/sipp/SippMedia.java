package io.tandem.sip.sipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media files the scenarios play, generated rather than downloaded: {@code tone-440hz.ulaw} and
 * {@code tone-1000hz.ulaw} (one second of a tone, raw G.711 µ-law at 8 kHz, for {@code rtp_stream})
 * and {@code dtmf-<key>.pcap} (one RFC 4733 telephone-event key press, payload type 101, for {@code
 * play_pcap_audio}; keys 0-9, star, pound).
 *
 * <p>A key press is 8 packets 20 ms apart with the same timestamp and a growing duration (160 to
 * 1280 samples, marker bit on the first), then the end packet (E bit, 1280) three times. The pcap
 * is Ethernet/IPv4/UDP from 127.0.0.1:6000 to 127.0.0.1:6000; sipp rewrites addresses and ports.
 *
 * <p>JDK only, so it also runs as a single-file program: {@code java SippMedia.java <directory>}.
 */
public final class SippMedia {

  /** RTP payload type the scenarios' SDP maps to telephone-event/8000. */
  static final int EVENT_PAYLOAD_TYPE = 101;

  private SippMedia() {}

  public static void main(String[] args) throws IOException {
    writeAll(Path.of(args.length > 0 ? args[0] : "."));
  }

  /** Writes every media file into {@code directory}. */
  public static void writeAll(Path directory) {
    files().forEach((name, bytes) -> write(directory.resolve(name), bytes));
  }

  /** File name → content, for all media files. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("tone-440hz.ulaw", tone());
    files.put("tone-1000hz.ulaw", tone(1000));
    String keys = "0123456789*#";
    for (int i = 0; i < keys.length(); i++) {
      char key = keys.charAt(i);
      String name = key == '*' ? "star" : key == '#' ? "pound" : String.valueOf(key);
      files.put("dtmf-" + name + ".pcap", keyPress(i));
    }
    return files;
  }

  static byte[] tone() {
    return tone(440);
  }

  /** One second of a {@code hz} tone (whole hertz: it loops seamlessly), raw µ-law at 8 kHz. */
  static byte[] tone(int hz) {
    byte[] ulaw = new byte[8000];
    for (int i = 0; i < ulaw.length; i++) {
      ulaw[i] = muLaw((int) Math.round(6000 * Math.sin(2 * Math.PI * hz * i / 8000.0)));
    }
    return ulaw;
  }

  /** G.711 µ-law encoding of one 16-bit sample. */
  static byte muLaw(int sample) {
    int sign = sample < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** The pcap of one telephone-event key press for {@code event} (0-9, 10 = *, 11 = #). */
  static byte[] keyPress(int event) {
    ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    header.putInt(65535).putInt(1); // snap length, link type Ethernet
    pcap.writeBytes(header.array());
    int packet = 0;
    for (int step = 1; step <= 11; step++) {
      boolean end = step > 8;
      int duration = 160 * Math.min(step, 8);
      byte[] rtp = rtpEvent(event, step == 1, end, duration, 1000 + packet);
      long micros = 20_000L * packet;
      pcap.writeBytes(record(micros, frame(rtp)));
      packet++;
    }
    return pcap.toByteArray();
  }

  private static byte[] rtpEvent(int event, boolean marker, boolean end, int duration, int seq) {
    ByteBuffer rtp = ByteBuffer.allocate(16);
    rtp.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | EVENT_PAYLOAD_TYPE));
    rtp.putShort((short) seq).putInt(160_000).putInt(0x5a5a0101);
    rtp.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
    return rtp.array();
  }

  private static byte[] frame(byte[] payload) {
    int udpLength = 8 + payload.length;
    int ipLength = 20 + udpLength;
    ByteBuffer frame = ByteBuffer.allocate(14 + ipLength);
    frame.put(new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
    int ip = frame.position();
    frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0);
    frame.putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0);
    frame.put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
    frame.putShort(ip + 10, ipChecksum(frame.array(), ip));
    frame.putShort((short) 6000).putShort((short) 6000).putShort((short) udpLength);
    frame.putShort((short) 0).put(payload);
    return frame.array();
  }

  private static short ipChecksum(byte[] bytes, int from) {
    int sum = 0;
    for (int i = from; i < from + 20; i += 2) {
      sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (short) ~sum;
  }

  private static byte[] record(long micros, byte[] frame) {
    ByteBuffer record =
        ByteBuffer.allocate(16 + frame.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
    record.putInt(frame.length).putInt(frame.length).put(frame);
    return record.array();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
