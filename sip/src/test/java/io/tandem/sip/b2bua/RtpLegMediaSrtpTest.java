package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.flow.Prompt;
import io.tandem.core.time.Timer;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.sip.media.PromptAudio;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.sdp.SrtpMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A leg answered under SRTP required: keyed from the offer, re-keyed by a re-offer. */
class RtpLegMediaSrtpTest {

  private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
  private static final Pattern CRYPTO =
      Pattern.compile("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:(\\S{40})");

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Pacer pacer = new ScheduledPacer(timers, System::nanoTime);
  private final RtpLegMediaFactory factory =
      new RtpLegMediaFactory(
          new RtpPorts(
              java.net.InetAddress.getLoopbackAddress(),
              io.tandem.sip.sipp.LoopbackPorts.rtpFirst(),
              io.tandem.sip.sipp.LoopbackPorts.rtpLast(),
              pacer),
          new NoPrompts(),
          pacer,
          Runnable::run,
          (at, task) -> Timer.NONE,
          Clock.systemUTC(),
          Duration.ofSeconds(30));
  private final MasterKey first = MasterKey.random(new Random(1));
  private final MasterKey second = MasterKey.random(new Random(2));
  private RtpSession far;
  private LegMedia leg;

  @AfterEach
  void close() {
    leg.close();
    far.close();
    timers.shutdownNow();
  }

  @Test
  void reofferWithANewKey_isTaken_ourKeyStays_andAPlainReofferIsRefused() throws Exception {
    far = RtpSession.open(RtpSessionOptions.defaults(), pacer, RtpListener.IGNORE);
    leg = factory.answer(offer(first, "RTP/SAVP", 1), SrtpMode.REQUIRED);
    MasterKey ours = MasterKey.fromBase64(match(CRYPTO, leg.localSdp()));
    far.connect(
        new java.net.InetSocketAddress(
            "127.0.0.1",
            Integer.parseInt(match(Pattern.compile("m=audio (\\d+)"), leg.localSdp()))));
    far.protect(new SrtpKeys(SUITE, first, ours));
    far.play(ToneSource.steady(440, 6000));
    awaitMore(leg::packetsReceived, 0);

    Reoffer answer = leg.reoffered(offer(second, "RTP/SAVP", 2));
    far.protect(new SrtpKeys(SUITE, second, ours));

    assertThat(match(CRYPTO, answer.answerSdp())).isEqualTo(ours.base64());
    awaitMore(leg::packetsReceived, leg.packetsReceived() + 5);
    assertThatThrownBy(() -> leg.reoffered(offer(null, "RTP/AVP", 3)))
        .isInstanceOf(MediaRefusedException.class)
        .satisfies(e -> assertThat(((MediaRefusedException) e).status()).isEqualTo(488));
    assertThat(leg.localSdp()).isEqualTo(answer.answerSdp());
  }

  private String offer(@Nullable MasterKey key, String profile, int version) {
    return "v=0\r\no=far 1 "
        + version
        + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
        + far.localAddress().getPort()
        + " "
        + profile
        + " 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
        + (key == null ? "" : "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key.base64() + "\r\n");
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
    return matcher.group(1);
  }

  private static void awaitMore(LongSupplier count, long than) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (count.getAsLong() <= than) {
      assertThat(System.nanoTime()).as("packets beyond " + than).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /** Prompts the test never plays. */
  private static final class NoPrompts implements PromptAudio {
    @Override
    public PcmAudio audioOf(Prompt prompt, @Nullable String language) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<PcmAudio> announcement(int position, @Nullable Duration expectedWait) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PcmAudio musicOnHold() {
      throw new UnsupportedOperationException();
    }
  }
}
