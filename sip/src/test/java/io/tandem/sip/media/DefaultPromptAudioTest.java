package io.tandem.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.flow.Prompt;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.prompts.DefaultPrompts;
import io.tandem.media.speech.EspeakNgSpeech;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPromptAudioTest {

  @TempDir Path directory;

  private DefaultPromptAudio prompts() {
    return new DefaultPromptAudio(directory, EspeakNgSpeech.installed());
  }

  @Test
  void defaultPrompt_byNameOrFile_isTheShippedRecording() {
    PcmAudio byName = prompts().audioOf(Prompt.file("prompt:welcome"), null);

    assertThat(byName).isEqualTo(DefaultPrompts.audio("welcome").orElseThrow());
    assertThat(prompts().audioOf(Prompt.file("prompts/welcome.wav"), null)).isEqualTo(byName);
    assertThat(prompts().audioOf(Prompt.file("welcome.wav"), null)).isEqualTo(byName);
    assertThat(byName.sampleRate()).isEqualTo(8000);
  }

  @Test
  void operatorFile_overridesTheDefault_andIsResampledTo8kHz() throws Exception {
    WavWriter.write(
        directory.resolve("welcome.wav"), new PcmAudio(16000, new short[1600]), WavEncoding.PCM16);

    PcmAudio audio = prompts().audioOf(Prompt.file("prompt:welcome"), null);

    assertThat(audio.sampleRate()).isEqualTo(8000);
    assertThat(audio.duration()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void relativePathAndFileUri_areReadBelowTheDirectory() throws Exception {
    Files.createDirectories(directory.resolve("greetings"));
    WavWriter.write(
        directory.resolve("greetings/spring.wav"),
        PcmAudio.narrowband(new short[800]),
        WavEncoding.PCM16);

    assertThat(prompts().audioOf(Prompt.file("greetings/spring.wav"), null).samples()).hasSize(800);
    assertThat(prompts().audioOf(Prompt.file("file:///greetings/spring.wav"), null).samples())
        .hasSize(800);
  }

  @Test
  void unplayablePrompts_areClearRejects() throws Exception {
    Files.writeString(directory.resolve("broken.wav"), "not a wav");

    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("prompt:no-such-prompt"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("no prompt 'no-such-prompt'");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("greetings/none.wav"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("../outside.wav"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("https://example.com/a.wav"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("prompt:, file: and relative paths only");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("prompt:../../etc/passwd"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("prompts/notes.txt"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("not a .wav");
    assertThatThrownBy(() -> prompts().audioOf(Prompt.file("prompt:broken"), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("cannot be read");
    assertThatThrownBy(() -> prompts().audioOf(new Prompt.Text(" ", null), null))
        .isInstanceOf(PromptUnavailableException.class)
        .hasMessageContaining("cannot speak");
  }

  @Test
  void withoutADirectory_onlyDefaultPromptsPlay() {
    DefaultPromptAudio builtIn = new DefaultPromptAudio(null, EspeakNgSpeech.installed());

    assertThat(builtIn.audioOf(Prompt.file("prompt:goodbye"), null).duration()).isPositive();
    assertThatThrownBy(() -> builtIn.audioOf(Prompt.file("greetings/spring.wav"), null))
        .isInstanceOf(PromptUnavailableException.class);
  }

  @Test
  void text_isSpokenAt8kHz() {
    PcmAudio spoken = prompts().audioOf(new Prompt.Text("Your account is ready.", null), "en");

    assertThat(spoken.sampleRate()).isEqualTo(8000);
    assertThat(spoken.duration()).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void announcement_positionThenExpectedWait_inPlayingOrder() {
    List<PcmAudio> parts = prompts().announcement(42, Duration.ofMinutes(3));

    List<PcmAudio> expected =
        List.of("you-are-number", "40", "2", "in-the-queue", "expected-wait", "3", "minutes")
            .stream()
            .map(name -> DefaultPrompts.audio(name).orElseThrow())
            .toList();
    assertThat(parts).isEqualTo(expected);
    assertThat(prompts().announcement(1, null)).hasSize(3);
  }

  @Test
  void musicOnHold_isTheDefaultLoop() {
    assertThat(prompts().musicOnHold().duration()).isEqualTo(Duration.ofSeconds(24));
  }
}
