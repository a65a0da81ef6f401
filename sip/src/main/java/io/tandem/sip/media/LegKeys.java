package io.tandem.sip.media;

import io.tandem.media.clock.Pacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.listen.InbandDtmfTap;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The keys a caller presses on one leg: its RFC 4733 telephone-events (a tap, so they keep coming
 * while a bridge or recorder holds the listener) and, when asked, DTMF tones detected in band.
 * {@code onKey} runs on the session's receiving thread or the pacer's thread and must not block.
 */
final class LegKeys implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LegKeys.class.getName());

  private final RtpSession leg;
  private final Consumer<DtmfDigit> onKey;
  private final List<AutoCloseable> sources = new CopyOnWriteArrayList<>();

  LegKeys(RtpSession leg, Consumer<DtmfDigit> onKey) {
    this.leg = leg;
    this.onKey = onKey;
    sources.add(
        leg.tap(
            new RtpListener() {
              @Override
              public void onDigit(DtmfDigit digit) {
                onKey.accept(digit);
              }
            }));
  }

  /** Also listens for tones in the caller's audio, paced by {@code pacer}. */
  void detectInband(Pacer pacer) {
    sources.add(InbandDtmfTap.listen(leg, pacer, onKey));
  }

  /** Stops listening. Idempotent. */
  @Override
  public void close() {
    for (AutoCloseable source : sources) {
      sources.remove(source);
      try {
        source.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "closing a key source failed", e);
      }
    }
  }
}
