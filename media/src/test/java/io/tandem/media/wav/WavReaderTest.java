package io.tandem.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.ALaw;
import io.tandem.media.codec.MuLaw;
import org.junit.jupiter.api.Test;

class WavReaderTest {

  @Test
  void monoPcm16_readsSampleForSample() {
    byte[] file =
        Riff.wave()
            .fmt(1, 1, 16000, 16)
            .chunk("data", Riff.pcm16((short) 1, (short) -2, Short.MAX_VALUE))
            .bytes();

    PcmAudio audio = WavReader.read(file);

    assertThat(audio.sampleRate()).isEqualTo(16000);
    assertThat(audio.samples()).containsExactly(1, -2, Short.MAX_VALUE);
  }

  @Test
  void stereoPcm16_isAveragedToMono() {
    byte[] data = Riff.pcm16((short) 100, (short) 300, (short) -1000, (short) 0);
    byte[] file = Riff.wave().fmt(1, 2, 44100, 16).chunk("data", data).bytes();

    assertThat(WavReader.read(file).samples()).containsExactly(200, -500);
  }

  @Test
  void muLawAndALaw_areDecoded() {
    byte[] codes = {(byte) 0xFF, (byte) 0x00, (byte) 0x80};
    byte[] muLaw = Riff.wave().fmt(7, 1, 8000, 8).chunk("data", codes).bytes();
    byte[] aLaw = Riff.wave().fmt(6, 1, 8000, 8).chunk("data", codes).bytes();

    assertThat(WavReader.read(muLaw).samples())
        .containsExactly(MuLaw.decode(codes[0]), MuLaw.decode(codes[1]), MuLaw.decode(codes[2]));
    assertThat(WavReader.read(aLaw).samples())
        .containsExactly(ALaw.decode(codes[0]), ALaw.decode(codes[1]), ALaw.decode(codes[2]));
  }

  @Test
  void extensibleFormat_readsItsSubFormat() {
    byte[] file =
        Riff.wave().extensibleFmt(1, 1, 48000, 16).chunk("data", Riff.pcm16((short) 7)).bytes();

    assertThat(WavReader.read(file)).isEqualTo(new PcmAudio(48000, new short[] {7}));
  }

  @Test
  void unknownChunks_areSkipped_includingOddSizedOnesWithTheirPadByte() {
    byte[] file =
        Riff.wave()
            .chunk("LIST", new byte[] {1, 2, 3})
            .fmt(1, 1, 8000, 16)
            .chunk("fact", new byte[4])
            .chunk("data", Riff.pcm16((short) 5))
            .bytes();

    assertThat(WavReader.read(file).samples()).containsExactly(5);
  }

  @Test
  void notRiff_isRejected() {
    assertThatThrownBy(() -> WavReader.read("OggS and something else".getBytes()))
        .isInstanceOf(MalformedWavException.class)
        .hasMessage("not a RIFF/WAVE file");
  }

  @Test
  void noFmtChunk_isRejected() {
    byte[] file = Riff.wave().chunk("LIST", new byte[4]).bytes();

    assertThatThrownBy(() -> WavReader.read(file)).hasMessage("no fmt chunk");
  }

  @Test
  void dataBeforeFmt_isRejected() {
    byte[] file = Riff.wave().chunk("data", new byte[4]).fmt(1, 1, 8000, 16).bytes();

    assertThatThrownBy(() -> WavReader.read(file)).hasMessage("data chunk before any fmt chunk");
  }

  @Test
  void noDataChunk_isRejected() {
    byte[] file = Riff.wave().fmt(1, 1, 8000, 16).bytes();

    assertThatThrownBy(() -> WavReader.read(file)).hasMessage("no data chunk");
  }

  @Test
  void truncatedData_isRejected() {
    byte[] file = Riff.wave().fmt(1, 1, 8000, 16).chunk("data", 1000, new byte[10]).bytes();

    assertThatThrownBy(() -> WavReader.read(file))
        .isInstanceOf(MalformedWavException.class)
        .hasMessage("truncated data chunk: declares 1000 bytes, 10 present");
  }

  @Test
  void dataEndingInAHalfSample_isRejected() {
    byte[] file = Riff.wave().fmt(1, 1, 8000, 16).chunk("data", new byte[3]).bytes();

    assertThatThrownBy(() -> WavReader.read(file))
        .hasMessageContaining("no whole number of 2-byte frames");
  }

  @Test
  void truncatedFmt_isRejected() {
    byte[] file = Riff.wave().chunk("fmt ", 16, new byte[6]).bytes();

    assertThatThrownBy(() -> WavReader.read(file)).hasMessageContaining("truncated 'fmt ' chunk");
  }

  @Test
  void floatAnd8BitAndOddFormats_areUnsupported() {
    byte[] floats = Riff.wave().fmt(3, 1, 8000, 32).chunk("data", new byte[4]).bytes();
    byte[] eightBit = Riff.wave().fmt(1, 1, 8000, 8).chunk("data", new byte[4]).bytes();
    byte[] gsm = Riff.wave().fmt(0x31, 1, 8000, 0).chunk("data", new byte[4]).bytes();

    assertThatThrownBy(() -> WavReader.read(floats))
        .hasMessageContaining("unsupported format tag 3");
    assertThatThrownBy(() -> WavReader.read(eightBit))
        .hasMessageContaining("unsupported: format PCM16 with 8 bits");
    assertThatThrownBy(() -> WavReader.read(gsm)).hasMessageContaining("unsupported format tag 49");
  }
}
