package io.tandem.media.wav;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.G711;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

  @TempDir Path directory;

  private static final PcmAudio CLIP =
      PcmAudio.narrowband(new short[] {0, 1000, -1000, 32000, -32000});

  @Test
  void pcm16_roundTripsExactly_withA44ByteHeader() {
    byte[] file = WavWriter.toBytes(CLIP, WavEncoding.PCM16);

    assertThat(file).hasSize(44 + 10);
    assertThat(WavReader.read(file)).isEqualTo(CLIP);
  }

  @Test
  void muLaw_roundTripsThroughTheCodec_andIsPaddedToAnEvenLength() {
    byte[] file = WavWriter.toBytes(CLIP, WavEncoding.MULAW);

    assertThat(file).hasSize(58 + 5 + 1);
    assertThat(WavReader.read(file).samples())
        .containsExactly(G711.PCMU.decode(G711.PCMU.encode(CLIP.samples())));
  }

  @Test
  void streamedFile_isValidOnceClosed() throws IOException {
    Path path = directory.resolve("streamed.wav");
    try (WavWriter writer = WavWriter.create(path, WavEncoding.PCM16, 8000)) {
      for (int i = 0; i < 10; i++) {
        writer.write(new short[] {(short) i, (short) -i});
      }
      assertThat(writer.sampleCount()).isEqualTo(20);
    }

    PcmAudio audio = WavReader.read(path);

    assertThat(audio.samples()).hasSize(20).startsWith(0, 0, 1, -1, 2, -2);
  }

  @Test
  void streamedMuLawWithAnOddCount_isValidOnceClosed() throws IOException {
    Path path = directory.resolve("odd.wav");
    try (WavWriter writer = WavWriter.create(path, WavEncoding.MULAW, 8000)) {
      writer.write(new short[] {0, 0, 0});
    }

    assertThat(Files.size(path)).isEqualTo(58 + 4);
    assertThat(WavReader.read(path).samples()).containsExactly(0, 0, 0);
  }

  @Test
  void wholeFile_writesToAPath() throws IOException {
    Path path = directory.resolve("whole.wav");

    WavWriter.write(path, CLIP, WavEncoding.ALAW);

    assertThat(WavReader.read(path).samples()).hasSize(5);
  }
}
