/**
 * Writes one second of a 440 Hz tone as raw 8 kHz µ-law (G.711 PCMU), the file SIPp's rtp_stream
 * loops: {@code java emulator/scripts/ToneFile.java out.ulaw}. A single-file program (JDK only) for
 * emulator/scripts/direct-routing-load.sh.
 */
public class ToneFile {

  public static void main(String[] args) throws Exception {
    byte[] ulaw = new byte[8000];
    for (int i = 0; i < ulaw.length; i++) {
      ulaw[i] = muLaw((short) Math.round(6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
    }
    java.nio.file.Files.write(java.nio.file.Path.of(args[0]), ulaw);
  }

  /** ITU-T G.711 µ-law, as the media module's MuLaw table. */
  static byte muLaw(short sample) {
    int sign = (sample >> 8) & 0x80;
    int magnitude = Math.min(Math.abs((int) sample), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }
}
