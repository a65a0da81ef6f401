package io.tandem.media.listen;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.clock.Pacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfToneDetector;
import io.tandem.media.jitter.ReceivedAudio;
import io.tandem.media.session.RtpSession;
import java.util.function.Consumer;

/**
 * Detects DTMF tones in the audio a session receives: taps the session through a jitter buffer,
 * decodes one frame per pacer tick and runs a {@link DtmfToneDetector}, reporting each key press
 * once to {@code onDigit}.
 *
 * <p>Threading: {@code onDigit} runs on the pacer's thread and must not block.
 */
public final class InbandDtmfTap implements AutoCloseable {

  private final ReceivedAudio audio = new ReceivedAudio();
  private final DtmfToneDetector detector = new DtmfToneDetector();
  private final short[] frame = new short[FrameFormat.SAMPLES];
  private final Consumer<DtmfDigit> onDigit;
  private final AutoCloseable tap;
  private final Pacer.PacedTask ticking;

  private InbandDtmfTap(RtpSession session, Pacer pacer, Consumer<DtmfDigit> onDigit) {
    this.onDigit = onDigit;
    this.tap = session.tap(audio);
    this.ticking = pacer.schedule(this::tick);
  }

  /** Starts listening to {@code session} on {@code pacer}'s ticks. */
  public static InbandDtmfTap listen(RtpSession session, Pacer pacer, Consumer<DtmfDigit> onDigit) {
    return new InbandDtmfTap(session, pacer, onDigit);
  }

  /** Stops listening. */
  @Override
  public void close() {
    ticking.cancel();
    try {
      tap.close();
    } catch (Exception e) {
      // removing a tap cannot fail
    }
  }

  private void tick() {
    audio.read(frame);
    detector.accept(frame).ifPresent(onDigit);
  }
}
