package io.tandem.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.flow.CollectDigits;
import io.tandem.core.flow.FlowRunState;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Play;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.media.dtmf.DtmfToneGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtpFlowMediaTest {

  private static final Prompt BEEP = Prompt.file("prompts/beep.wav");
  private static final Prompt LONG = Prompt.file("prompt:long");

  @TempDir Path prompts;
  private MediaRig rig;
  private RtpFlowMedia media;

  @BeforeEach
  void open() throws Exception {
    rig = new MediaRig(prompts);
    media = rig.media();
  }

  @AfterEach
  void close() {
    media.close();
    rig.close();
  }

  @Test
  void play_sendsThePromptToTheCaller_thenReportsItsEnd() throws Exception {
    rig.start(media, "hello", new Play(BEEP, "bye"), "bye", new HangUp(null, "done"));

    MediaRig.await("the flow to hang up", () -> rig.decisions.decisions().contains("hungUp:done"));

    assertThat(rig.ear.loudFrames()).as("300 ms of tone is 15 frames").isBetween(12L, 17L);
    assertThat(media.state()).isEqualTo(RtpFlowMedia.State.IDLE);
  }

  @Test
  void menu_keyDuringThePrompt_bargesIn_andTakesTheChosenBranch() throws Exception {
    rig.start(
        media,
        "menu",
        new Menu(
            LONG,
            Map.of("1", "sales", "2", "support"),
            Duration.ofSeconds(5),
            0,
            null,
            null,
            "gone"),
        "sales",
        new RouteToQueue("sales", null),
        "support",
        new RouteToQueue("support", null),
        "gone",
        new HangUp(null, "no-input"));
    rig.awaitHeard(5);

    rig.caller.sendDigits("2");

    MediaRig.await("the menu choice", () -> !rig.decisions.decisions().isEmpty());
    assertThat(rig.decisions.decisions()).containsExactly("routeToQueue:support");
    MediaRig.await("the prompt to stop", () -> rig.leg.playing() == null);
    assertThat(rig.ear.loudFrames()).as("far less than the 3 s prompt").isLessThan(100);
  }

  @Test
  void collectDigits_terminatorEndsTheInput() throws Exception {
    rig.start(
        media,
        "account",
        digits(3, 6, "#", Duration.ofSeconds(5)),
        "done",
        route(),
        "gone",
        gone());
    rig.awaitHeard(3);

    rig.caller.sendDigits("1234#");

    MediaRig.await("the digits", () -> rig.decisions.decisions().contains("routeToQueue:support"));
    assertThat(rig.decisions.decisions())
        .containsExactly("attributes:{account=1234}", "routeToQueue:support");
  }

  @Test
  void collectDigits_maximumEndsTheInput() throws Exception {
    rig.start(
        media,
        "account",
        digits(2, 4, null, Duration.ofSeconds(5)),
        "done",
        route(),
        "gone",
        gone());
    rig.awaitHeard(3);

    rig.caller.sendDigits("98765");

    MediaRig.await("the digits", () -> rig.decisions.decisions().contains("routeToQueue:support"));
    assertThat(rig.decisions.decisions())
        .containsExactly("attributes:{account=9876}", "routeToQueue:support");
  }

  @Test
  void collectDigits_timeoutWithEnoughDigits_reportsThem() throws Exception {
    rig.start(
        media,
        "account",
        digits(2, 6, "#", Duration.ofMillis(400)),
        "done",
        route(),
        "gone",
        gone());
    rig.awaitHeard(3);

    rig.caller.sendDigits("42");

    MediaRig.await("the digits", () -> rig.decisions.decisions().contains("routeToQueue:support"));
    assertThat(rig.decisions.decisions())
        .containsExactly("attributes:{account=42}", "routeToQueue:support");
  }

  @Test
  void keysPressedDuringAPlainPlay_areKeptForTheNextCollect() throws Exception {
    rig.start(
        media,
        "welcome",
        new Play(LONG, "account"),
        "account",
        digits(2, 2, null, Duration.ofSeconds(5)),
        "done",
        route(),
        "gone",
        gone());
    rig.awaitHeard(5);

    rig.caller.sendDigits("77");

    MediaRig.await("the digits", () -> rig.decisions.decisions().contains("routeToQueue:support"));
    assertThat(rig.decisions.decisions())
        .containsExactly("attributes:{account=77}", "routeToQueue:support");
    assertThat(rig.ear.loudFrames()).as("the 3 s welcome played to its end").isGreaterThan(140);
  }

  @Test
  void menu_noKey_reportsTheTimeout() throws Exception {
    rig.start(
        media,
        "menu",
        new Menu(BEEP, Map.of("1", "sales"), Duration.ofMillis(300), 0, null, null, "gone"),
        "sales",
        new RouteToQueue("sales", null),
        "gone",
        new HangUp(null, "no-input"));

    MediaRig.await("the timeout", () -> !rig.decisions.decisions().isEmpty());

    assertThat(rig.decisions.decisions()).containsExactly("hungUp:no-input");
    assertThat(rig.ear.loudFrames()).as("the menu prompt played first").isGreaterThan(10);
  }

  @Test
  void missingPrompt_countsAsPlayed_andTheFlowGoesOn() throws Exception {
    rig.start(
        media,
        "hello",
        new Play(Prompt.file("prompt:no-such-prompt"), "menu"),
        "menu",
        new Menu(
            Prompt.file("prompts/missing-too.wav"),
            Map.of("1", "sales"),
            Duration.ofMillis(200),
            0,
            null,
            null,
            "gone"),
        "sales",
        new RouteToQueue("sales", null),
        "gone",
        new HangUp(null, "no-input"));

    MediaRig.await("the flow to end", () -> !rig.decisions.decisions().isEmpty());

    assertThat(rig.decisions.decisions()).containsExactly("hungUp:no-input");
  }

  @Test
  void stop_reportsNothing_noTimeoutAndNoKey() throws Exception {
    var run =
        rig.start(
            media,
            "menu",
            new Menu(BEEP, Map.of("1", "sales"), Duration.ofMillis(300), 0, null, null, "gone"),
            "sales",
            new RouteToQueue("sales", null),
            "gone",
            new HangUp(null, "no-input"));
    MediaRig.await("the prompt to end", () -> media.state() == RtpFlowMedia.State.LISTENING);

    rig.onWriter(media::stop);
    rig.caller.sendDigits("1");
    CountDownLatch pastTheTimeout = new CountDownLatch(1);
    rig.scheduler.schedule(Instant.now().plusMillis(900), pastTheTimeout::countDown);

    assertThat(pastTheTimeout.await(10, TimeUnit.SECONDS)).isTrue();
    rig.onWriter(() -> {});
    assertThat(rig.decisions.decisions()).isEmpty();
    assertThat(run.state()).isEqualTo(FlowRunState.AWAITING_INPUT);
    assertThat(media.state()).isEqualTo(RtpFlowMedia.State.IDLE);
  }

  @Test
  void textPrompt_isSpokenToTheCaller() throws Exception {
    rig.start(
        media,
        "hello",
        new Play(new Prompt.Text("Thank you for calling.", "en"), "bye"),
        "bye",
        new HangUp(null, "done"));

    MediaRig.await("the flow to hang up", () -> rig.decisions.decisions().contains("hungUp:done"));

    assertThat(rig.ear.loudFrames()).as("about a second of speech").isGreaterThan(20);
  }

  @Test
  void inbandTones_areHeardWhenTheLegHasNoTelephoneEvents() throws Exception {
    media.detectInbandTones(rig.pacer);
    rig.start(
        media,
        "menu",
        new Menu(LONG, Map.of("5", "sales"), Duration.ofSeconds(5), 0, null, null, "gone"),
        "sales",
        new RouteToQueue("sales", null),
        "gone",
        new HangUp(null, "no-input"));
    rig.awaitHeard(3);

    rig.caller.play(DtmfToneGenerator.DEFAULT.source("5"));

    MediaRig.await("the in-band key", () -> !rig.decisions.decisions().isEmpty());
    assertThat(rig.decisions.decisions()).containsExactly("routeToQueue:sales");
  }

  @Test
  void close_stopsListening_keysAfterwardsAreIgnored() throws Exception {
    media.close();

    media.collect(
        new io.tandem.core.flow.InputRequest.Choice(
            BEEP, java.util.List.of("1"), Duration.ofSeconds(5)));
    rig.caller.sendDigits("1");
    CountDownLatch later = new CountDownLatch(1);
    rig.scheduler.schedule(Instant.now().plusMillis(500), later::countDown);

    assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(media.state()).isEqualTo(RtpFlowMedia.State.CLOSED);
    assertThat(rig.ear.loudFrames()).isZero();
  }

  private static CollectDigits digits(int min, int max, String terminator, Duration timeout) {
    return new CollectDigits(
        BEEP, min, max, terminator, timeout, null, "account", 0, null, null, "done", "gone");
  }

  private static RouteToQueue route() {
    return new RouteToQueue("support", null);
  }

  private static HangUp gone() {
    return new HangUp(null, "no-input");
  }
}
