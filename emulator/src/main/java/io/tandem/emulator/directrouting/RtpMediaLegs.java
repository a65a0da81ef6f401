package io.tandem.emulator.directrouting;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.SilenceSource;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.ice.StunListener;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Media legs on the {@code media} module's {@link RtpSession}: one 20 ms pacer thread (wall-clock
 * media time, not the emulator's scheduler) sends every leg's frames; each leg plays a tone (one
 * second computed once per tone and looped: seamless for whole-hertz tones), silence or a WAV
 * prompt, keeps up to two minutes of what it receives as it arrived (G.711 bytes, decoded only when
 * {@link MediaLeg#recording()} is read) and reports RFC 4733 digits. Sines per sample and decoding
 * every packet were the largest costs at 2,000 calls (README, Direct Routing figures).
 */
final class RtpMediaLegs implements MediaLegs {

  private static final int MAX_RECORDED_SAMPLES = G711.SAMPLE_RATE * 120;
  private static final int CHUNK = G711.SAMPLE_RATE;

  /** One second of each tone, computed once: a leg loops it instead of computing sines per tick. */
  private static final Map<String, PcmAudio> TONES = new ConcurrentHashMap<>();

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
      return ClipSource.looping(TONES.computeIfAbsent(audio, RtpMediaLegs::toneSecond));
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

  private static PcmAudio toneSecond(String audio) {
    short[] second = new short[G711.SAMPLE_RATE];
    ToneSource.steady(Double.parseDouble(audio.substring(5)), 6000).read(second);
    return PcmAudio.narrowband(second);
  }

  private final class Leg implements MediaLeg, RtpListener {

    private final String audio;
    private final RtpSession session;
    private final AtomicLong packets = new AtomicLong();
    private volatile Consumer<Character> digits = digit -> {};
    private final List<byte[]> chunks = new ArrayList<>();
    private @Nullable G711 law;
    private int recordedLength;
    private volatile @Nullable Leg bridged;

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
      if (session.playing() == null && bridged == null) {
        session.play(source(audio));
      }
    }

    @Override
    public void protect(@Nullable SrtpKeys keys) {
      session.protect(keys);
    }

    @Override
    public void receiveStun(@Nullable StunListener listener) {
      session.receiveStun(listener);
    }

    @Override
    public boolean sendDatagram(byte[] datagram, String host, int port) {
      return session.sendDatagram(datagram, new InetSocketAddress(host, port));
    }

    @Override
    public long srtpRejected() {
      return session.stats().srtpRejected();
    }

    @Override
    public void bridge(MediaLeg other) {
      if (other instanceof Leg leg) {
        bridged = leg;
        leg.bridged = this;
        session.play(null);
        leg.session.play(null);
      }
    }

    @Override
    public void hold(boolean held) {
      if (bridged == null) {
        session.play(held ? null : source(audio));
      }
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
      short[] samples = new short[recordedLength];
      for (int i = 0; i < recordedLength; i++) {
        samples[i] = law.decode(chunks.get(i / CHUNK)[i % CHUNK]);
      }
      return samples;
    }

    @Override
    public void onPacket(RtpPacket packet) {
      packets.incrementAndGet();
      Leg to = bridged;
      if (to != null) {
        to.session.relay(packet);
      }
      if (G711.isG711(packet.payloadType())) {
        append(G711.forPayloadType(packet.payloadType()), packet.payload());
      }
    }

    @Override
    public void onDigit(DtmfDigit digit) {
      digits.accept(digit.symbol());
    }

    /** Keeps the payload as received (one law per leg: another law's packets are transcoded). */
    private synchronized void append(G711 packetLaw, byte[] payload) {
      if (law == null) {
        law = packetLaw;
      }
      byte[] codes = packetLaw == law ? payload : law.encode(packetLaw.decode(payload));
      int offset = 0;
      while (offset < codes.length && recordedLength < MAX_RECORDED_SAMPLES) {
        int inChunk = recordedLength % CHUNK;
        if (inChunk == 0) {
          chunks.add(new byte[CHUNK]);
        }
        int count =
            Math.min(
                Math.min(codes.length - offset, CHUNK - inChunk),
                MAX_RECORDED_SAMPLES - recordedLength);
        System.arraycopy(codes, offset, chunks.get(chunks.size() - 1), inChunk, count);
        offset += count;
        recordedLength += count;
      }
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
