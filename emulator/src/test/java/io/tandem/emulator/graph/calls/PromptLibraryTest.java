package io.tandem.emulator.graph.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A prompt's play length: a WAV file's own length, nothing for anything else. */
class PromptLibraryTest {

  @Test
  void wavLength_isDataBytesOverByteRate() {
    assertThat(PromptLibrary.wavLength(wav(8000, 8000 * 5 / 2))).hasValue(Duration.ofMillis(2500));
  }

  @Test
  void notAWav_hasNoLength() {
    assertThat(PromptLibrary.wavLength("hello".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  /** A mono 8 kHz µ-law WAV header and {@code dataBytes} of silence. */
  static byte[] wav(int byteRate, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 7).putShort((short) 1).putInt(8000).putInt(byteRate);
    b.putShort((short) 1).putShort((short) 8);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    return b.array();
  }
}
