package io.tandem.acs.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.acs.streams.StreamFrame.AudioData;
import io.tandem.acs.streams.StreamFrame.AudioMetadata;
import io.tandem.acs.streams.StreamFrame.DtmfData;
import io.tandem.acs.streams.StreamFrame.ResultStatus;
import io.tandem.acs.streams.StreamFrame.TranscriptionData;
import io.tandem.acs.streams.StreamFrame.TranscriptionMetadata;
import io.tandem.acs.streams.StreamFrame.Word;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every frame kind of MICROSOFT-CONTRACTS §3.6, decoded whole, and what is refused. */
class StreamFramesTest {

  @Test
  void transcriptionMetadata_isDecodedWhole() {
    assertThat(StreamFrames.parse(Fixtures.frame("transcription-metadata.json")))
        .isEqualTo(
            new TranscriptionMetadata(
                "0cfc3ea9-a9e4-4e2a-9a40-0a1b2c3d4e5f",
                "en-US",
                "441f1200-ab12-4c3d-9e8f-7a6b5c4d3e2f",
                "79f0a3f1-2b5e-4c1d-8a9b-0c1d2e3f4a5b"));
  }

  @Test
  void transcriptionData_final_hasEveryWordWithItsTicks() {
    TranscriptionData data =
        (TranscriptionData) StreamFrames.parse(Fixtures.frame("transcription-data-final.json"));
    assertThat(data.text()).isEqualTo("I would like to check my balance");
    assertThat(data.format()).isEqualTo("display");
    assertThat(data.confidence()).isEqualTo(0.95);
    assertThat(data.offsetTicks()).isEqualTo(20_000_000L);
    assertThat(data.durationTicks()).isEqualTo(19_200_000L);
    assertThat(data.participantRawId()).isEqualTo("4:+14255550123");
    assertThat(data.status()).isEqualTo(ResultStatus.FINAL);
    assertThat(data.words()).hasSize(7);
    assertThat(data.words().get(6)).isEqualTo(new Word("balance", 36_457_142L, 2_742_857L));
    assertThat(data.kind()).isEqualTo("TranscriptionData");
  }

  @Test
  void transcriptionData_intermediate() {
    TranscriptionData data =
        (TranscriptionData)
            StreamFrames.parse(Fixtures.frame("transcription-data-intermediate.json"));
    assertThat(data.status()).isEqualTo(ResultStatus.INTERMEDIATE);
    assertThat(data.words()).extracting(Word::text).containsExactly("I", "would", "like", "to");
  }

  @Test
  void transcriptionData_withoutWordsOrParticipant_andStatusInAnyCase() {
    TranscriptionData data =
        (TranscriptionData)
            StreamFrames.parse(
                """
                {"kind":"TranscriptionData","transcriptionData":{"text":"","format":"display",\
                "confidence":1,"offset":0,"duration":0,"resultStatus":"final"}}""");
    assertThat(data.words()).isEmpty();
    assertThat(data.participantRawId()).isNull();
    assertThat(data.status()).isEqualTo(ResultStatus.FINAL);
  }

  @Test
  void audioMetadata_isDecodedWhole() {
    assertThat(StreamFrames.parse(Fixtures.frame("audio-metadata.json")))
        .isEqualTo(new AudioMetadata("89e8cb59-b991-48b0-b154-1c7ba6a1b2c3", "PCM", 16000, 1, 640));
  }

  @Test
  void audioData_unmixed_carriesTheParticipantAnd640BytesOfPcm() {
    AudioData audio = (AudioData) StreamFrames.parse(Fixtures.frame("audio-data-unmixed.json"));
    assertThat(audio.timestamp()).isEqualTo(Instant.parse("2024-11-15T19:16:12.925Z"));
    assertThat(audio.participantRawId())
        .isEqualTo("8:acs:5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c_0000001a-2b3c-4d5e");
    assertThat(audio.pcm()).hasSize(640);
    assertThat(audio.pcm()[2]).isEqualTo((byte) ((37 - 1000) & 0xff));
    assertThat(audio.silent()).isFalse();
  }

  @Test
  void audioData_mixedAndSilent() {
    AudioData audio =
        (AudioData) StreamFrames.parse(Fixtures.frame("audio-data-silent-mixed.json"));
    assertThat(audio.participantRawId()).isNull();
    assertThat(audio.silent()).isTrue();
    assertThat(audio.pcm()).containsOnly((byte) 0).hasSize(640);
    assertThat(audio)
        .isEqualTo(new AudioData(audio.timestamp(), null, new byte[640], true))
        .hasToString(
            "AudioData[timestamp=2024-11-15T19:16:12.945Z, participantRawId=null, pcm=640"
                + " bytes, silent=true]");
  }

  @Test
  void dtmfData_isTheTone_andTheEmulatorsParticipantFieldIsIgnored() {
    assertThat(StreamFrames.parse(Fixtures.frame("dtmf-data.json"))).isEqualTo(new DtmfData("3"));
    assertThat(
            StreamFrames.parse(
                "{\"kind\":\"DtmfData\",\"dtmfData\":{\"data\":\"#\",\"participantRawID\":\"4:+1\"}}"))
        .isEqualTo(new DtmfData("#"));
  }

  @Test
  void unknownFields_areIgnored() {
    assertThat(
            StreamFrames.parse(
                "{\"kind\":\"DtmfData\",\"future\":[1,2],\"dtmfData\":{\"data\":\"9\",\"x\":{}}}"))
        .isEqualTo(new DtmfData("9"));
  }

  static Stream<Arguments> refused() {
    String b64 = Base64.getEncoder().encodeToString(new byte[StreamFrames.MAX_AUDIO_BYTES + 3]);
    return Stream.of(
        Arguments.of("not JSON", "{\"kind\":", "frame: not JSON"),
        Arguments.of("an array", "[]", "frame: not a JSON object"),
        Arguments.of("empty", "", "frame: not"),
        Arguments.of("no kind", "{\"dtmfData\":{\"data\":\"1\"}}", "kind: missing"),
        Arguments.of("kind a number", "{\"kind\":3}", "kind: missing or not a string"),
        Arguments.of("unknown kind", "{\"kind\":\"StopAudio\",\"stopAudio\":{}}", "kind: unknown"),
        Arguments.of("no body", "{\"kind\":\"DtmfData\"}", "dtmfData: missing"),
        Arguments.of("body a string", "{\"kind\":\"DtmfData\",\"dtmfData\":\"1\"}", "dtmfData:"),
        Arguments.of(
            "duplicate key",
            "{\"kind\":\"DtmfData\",\"kind\":\"AudioData\",\"dtmfData\":{\"data\":\"1\"}}",
            "frame: not JSON"),
        Arguments.of(
            "dtmf not a tone",
            "{\"kind\":\"DtmfData\",\"dtmfData\":{\"data\":\"x\"}}",
            "dtmfData.data: \"x\" is not DTMF tones"),
        Arguments.of(
            "metadata without locale",
            replace("transcription-metadata.json", "\"locale\":\"en-US\",", ""),
            "transcriptionMetadata.locale: missing"),
        Arguments.of(
            "negative offset",
            replace(
                "transcription-data-final.json",
                "\"offset\":20000000,\"duration\":19200000",
                "\"offset\":-1,\"duration\":19200000"),
            "transcriptionData.offset: -1 is negative"),
        Arguments.of(
            "fractional duration",
            replace("transcription-data-final.json", "\"duration\":19200000", "\"duration\":1.5"),
            "transcriptionData.duration: missing or not an integer"),
        Arguments.of(
            "confidence above 1",
            replace("transcription-data-final.json", "0.95", "1.5"),
            "transcriptionData.confidence: 1.5 is not within 0-1"),
        Arguments.of(
            "confidence a string",
            replace("transcription-data-final.json", "0.95", "\"high\""),
            "transcriptionData.confidence: missing or not a number"),
        Arguments.of(
            "unknown status",
            replace("transcription-data-final.json", "\"Final\"", "\"Done\""),
            "transcriptionData.resultStatus: \"Done\" is neither"),
        Arguments.of(
            "words not an array",
            replace(
                "transcription-data-intermediate.json", "\"words\":[", "\"words\":\"x\",\"w\":["),
            "transcriptionData.words: not an array"),
        Arguments.of(
            "word without text",
            replace("transcription-data-intermediate.json", "{\"text\":\"would\",", "{"),
            "transcriptionData.words[1].text: missing"),
        Arguments.of(
            "participant a number",
            replace("transcription-data-final.json", "\"4:+14255550123\"", "4"),
            "transcriptionData.participantRawID: missing or not a string"),
        Arguments.of(
            "sample rate zero",
            replace("audio-metadata.json", "16000", "0"),
            "audioMetadata.sampleRate: 0 is not within 1-192000"),
        Arguments.of(
            "channels missing",
            replace("audio-metadata.json", "\"channels\":1,", ""),
            "audioMetadata.channels: missing"),
        Arguments.of(
            "timestamp not an instant",
            replace("audio-data-unmixed.json", "2024-11-15T19:16:12.925Z", "yesterday"),
            "audioData.timestamp: \"yesterday\" is not an instant"),
        Arguments.of(
            "data not base64",
            "{\"kind\":\"AudioData\",\"audioData\":{\"timestamp\":\"2024-11-15T19:16:12.925Z\",\"data\":\"%%%\"}}",
            "audioData.data: not base64"),
        Arguments.of(
            "absurd base64 length",
            "{\"kind\":\"AudioData\",\"audioData\":{\"timestamp\":\"2024-11-15T19:16:12.925Z\",\"data\":\""
                + b64
                + "\"}}",
            "audioData.data: 87388 characters, more than 87384"),
        Arguments.of(
            "silent a string",
            replace("audio-data-unmixed.json", "\"silent\":false", "\"silent\":\"no\""),
            "audioData.silent: not a boolean"),
        Arguments.of(
            "oversize frame",
            "{\"kind\":\"DtmfData\",\"pad\":\"" + "x".repeat(StreamFrames.MAX_FRAME_CHARS) + "\"}",
            "frame: 262172 characters, more than 262144"),
        Arguments.of(
            "too many words",
            tooManyWords(),
            "transcriptionData.words: 4097 words, more than 4096"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refused(String what, String json, String message) {
    assertThatThrownBy(() -> StreamFrames.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  private static String replace(String fixture, String from, String to) {
    String json = Fixtures.frame(fixture);
    if (!json.contains(from)) {
      throw new IllegalArgumentException(fixture + " has no " + from);
    }
    return json.replace(from, to);
  }

  private static String tooManyWords() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i <= StreamFrames.MAX_WORDS; i++) {
      words.append(i == 0 ? "" : ",").append("{\"text\":\"a\",\"offset\":0,\"duration\":1}");
    }
    return "{\"kind\":\"TranscriptionData\",\"transcriptionData\":{\"text\":\"a\",\"format\":\"display\","
        + "\"confidence\":0.5,\"offset\":0,\"duration\":1,\"words\":["
        + words
        + "],\"resultStatus\":\"Final\"}}";
  }
}
