package io.tandem.emulator.directrouting;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.SilenceSource;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Media legs on the {@code media} module's {@link RtpSession}: one 20 ms pacer thread (wall-clock
 * media time, not the emulator's scheduler) sends every leg's frames; each leg plays a tone,
 * silence or a WAV prompt, records up to two minutes of what it receives (decoded G.711) and
 * reports RFC 4733 digits.
 */
final class RtpMediaLegs implements MediaLegs {

  private static final int MAX_RECORDED_SAMPLES = G711.SAMPLE_RATE * 120;

  private final String bindAddress;
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "emulator-media-pacer");
            thread.setDaemon(true);
            return thread;
          });
  private final Pacer pacer = new ScheduledPacer(ticks, System::nanoTime);

  RtpMediaLegs(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  @Override
  public MediaLeg open(String audio) {
    return new Leg(audio);
  }

  static AudioSource source(String audio) {
    if (audio.startsWith("tone:")) {
      return ToneSource.steady(Double.parseDouble(audio.substring(5)), 6000);
    }
    if (audio.equals("silence")) {
      return SilenceSource.endless();
    }
    try {
      return ClipSource.looping(Resampler.toNarrowband(WavReader.read(Path.of(audio))));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read prompt " + audio, unreadable);
    }
  }

  private final class Leg implements MediaLeg, RtpListener {

    private final String audio;
    private final RtpSession session;
    private final AtomicLong packets = new AtomicLong();
    private volatile Consumer<Character> digits = digit -> {};
    private short[] recorded = new short[8000];
    private int recordedLength;

    Leg(String audio) {
      this.audio = audio;
      try {
        this.session =
            RtpSession.open(
                RtpSessionOptions.defaults()
                    .withBindAddress(new InetSocketAddress(bindAddress, 0))
                    .withSymmetricLatching(false),
                pacer,
                this);
      } catch (IOException noPort) {
        throw new UncheckedIOException(noPort);
      }
    }

    @Override
    public int localPort() {
      return session.localAddress().getPort();
    }

    @Override
    public void connect(String host, int port, int payloadType, int telephoneEvent) {
      session.connect(new InetSocketAddress(host, port));
      if (session.playing() == null) {
        session.play(source(audio));
      }
    }

    @Override
    public void hold(boolean held) {
      session.play(held ? null : source(audio));
    }

    @Override
    public void sendDigits(String symbols) {
      session.sendDigits(symbols);
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
      digits = listener;
    }

    @Override
    public long packetsReceived() {
      return packets.get();
    }

    @Override
    public synchronized short[] recording() {
      return Arrays.copyOf(recorded, recordedLength);
    }

    @Override
    public void onPacket(RtpPacket packet) {
      packets.incrementAndGet();
      if (G711.isG711(packet.payloadType())) {
        append(G711.forPayloadType(packet.payloadType()).decode(packet.payload()));
      }
    }

    @Override
    public void onDigit(DtmfDigit digit) {
      digits.accept(digit.symbol());
    }

    private synchronized void append(short[] samples) {
      if (recordedLength + samples.length > MAX_RECORDED_SAMPLES) {
        return;
      }
      if (recordedLength + samples.length > recorded.length) {
        recorded =
            Arrays.copyOf(recorded, Math.max(recorded.length * 2, recordedLength + samples.length));
      }
      System.arraycopy(samples, 0, recorded, recordedLength, samples.length);
      recordedLength += samples.length;
    }

    @Override
    public void close() {
      session.close();
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
