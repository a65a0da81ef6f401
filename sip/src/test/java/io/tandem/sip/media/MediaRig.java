package io.tandem.sip.media;

import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.speech.EspeakNgSpeech;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import io.tandem.sip.sdp.NegotiatedMedia;
import io.tandem.sip.sdp.OfferAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A caller and Tandem's leg over real RTP on loopback, with what runs around a flow: media's pacer,
 * the tenant's writer (one thread) and its timers, a loader, and prompts from a directory holding
 * {@code beep.wav} (300 ms of 1 kHz) and {@code long.wav} (3 s of 440 Hz).
 */
final class MediaRig implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
  final Pacer pacer = new ScheduledPacer(timers, System::nanoTime);
  final ExecutorService writer = Executors.newSingleThreadExecutor();
  final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
  final Clock clock = Clock.systemUTC();
  final MailboxScheduler scheduler = new MailboxScheduler(clock, timers, writer);
  final RtpPorts ports =
      new RtpPorts(
          java.net.InetAddress.getLoopbackAddress(),
          io.tandem.sip.sipp.LoopbackPorts.rtpFirst(),
          io.tandem.sip.sipp.LoopbackPorts.rtpLast(),
          pacer);
  final ListeningCaller ear = new ListeningCaller(G711.PCMU);
  final RtpSession caller;
  final RtpSession leg;
  final DefaultPromptAudio prompts;
  final RecordingFlowDecisions decisions = new RecordingFlowDecisions();
  private final AtomicReference<FlowRun> run = new AtomicReference<>();

  MediaRig(Path promptsDirectory) throws Exception {
    tone(promptsDirectory.resolve("beep.wav"), 1000, Duration.ofMillis(300));
    tone(promptsDirectory.resolve("long.wav"), 440, Duration.ofSeconds(3));
    prompts = new DefaultPromptAudio(promptsDirectory, EspeakNgSpeech.installed());
    caller = RtpSession.open(RtpSessionOptions.defaults(), pacer, ear);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    NegotiatedMedia settled =
        OfferAnswer.negotiate(OfferAnswer.offer(loopback, caller.localAddress().getPort(), 1, 1));
    leg = ports.open(settled, RtpListener.IGNORE);
    caller.connect(leg.localAddress());
  }

  /** Flow media on the leg whose reports run on the writer against the rig's run. */
  RtpFlowMedia media() {
    return new RtpFlowMedia(
        leg,
        prompts,
        null,
        loader,
        scheduler,
        clock,
        outcome -> writer.execute(() -> outcome.accept(run.get())));
  }

  /** Starts, on the writer, a run of the flow {@code nodes} (the first is the start) on media. */
  FlowRun start(RtpFlowMedia media, Object... idsAndNodes) throws Exception {
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    for (int i = 0; i < idsAndNodes.length; i += 2) {
      nodes.put((String) idsAndNodes[i], (FlowNode) idsAndNodes[i + 1]);
    }
    Flow flow = new Flow("test", "test flow", (String) idsAndNodes[0], nodes);
    FlowRun created =
        new FlowRun(
            FlowValidator.validate(flow, new OpenCatalog()),
            Map.of(FlowRun.CALLER_ATTRIBUTE, "+41791234567"),
            media,
            new NoLookups(),
            decisions,
            clock);
    run.set(created);
    onWriter(created::start);
    return created;
  }

  /** Runs {@code task} on the writer and waits for it. */
  void onWriter(Runnable task) throws Exception {
    writer.submit(task).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits, at most {@link #WAIT}, until {@code condition} holds. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WAIT + " for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** Waits until the caller has heard {@code frames} more loud frames than now. */
  void awaitHeard(long frames) {
    long target = ear.loudFrames() + frames;
    await("the caller to hear " + frames + " loud frames", () -> ear.loudFrames() >= target);
  }

  @Override
  public void close() {
    caller.close();
    leg.close();
    writer.shutdownNow();
    loader.shutdownNow();
    timers.shutdownNow();
  }

  private static void tone(Path file, double hz, Duration length) throws IOException {
    short[] samples = new short[(int) (length.toMillis() * 8)];
    short[] frame = new short[160];
    ToneSource source = ToneSource.steady(hz, 8000);
    for (int at = 0; at < samples.length; at += 160) {
      source.read(frame);
      System.arraycopy(frame, 0, samples, at, Math.min(160, samples.length - at));
    }
    WavWriter.write(file, PcmAudio.narrowband(samples), WavEncoding.PCM16);
  }

  /** A tenant with every queue and skill and no business hours. */
  private static final class OpenCatalog implements FlowCatalog {
    @Override
    public boolean hasQueue(String queue) {
      return true;
    }

    @Override
    public boolean hasSkill(String skill) {
      return true;
    }

    @Override
    public Optional<BusinessHours> businessHours(String name) {
      return Optional.empty();
    }
  }

  /** Flows in these tests look nothing up. */
  private static final class NoLookups implements DataLookup {
    @Override
    public void lookup(String url, Duration timeout) {
      throw new AssertionError("no lookups in these flows: " + url);
    }
  }
}
