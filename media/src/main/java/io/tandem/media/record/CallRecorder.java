package io.tandem.media.record;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.clock.Pacer;
import io.tandem.media.jitter.ReceivedAudio;
import io.tandem.media.session.RtpSession;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Records a call: for each leg (a session), what arrives on it — the far end's voice, through a
 * jitter buffer — to {@code <name>-leg<N>.wav}, and all legs summed to {@code <name>-mixed.wav};
 * 16-bit PCM at 8 kHz, one frame per pacer tick, so the files stay aligned in time.
 *
 * <p>Threading: the tick only reads one frame per leg and queues them; a virtual thread writes the
 * files, so the pacer never waits on the disk. {@link #close()} stops the ticks, lets the writer
 * drain the queue, and closes the files with valid headers (waiting at most {@link #CLOSE_WAIT}).
 * Legs are tapped ({@link RtpSession#tap}), so bridging or conferencing them meanwhile does not
 * disturb the recording.
 */
public final class CallRecorder implements AutoCloseable {

  /** The longest {@link #close()} waits for the files to be finished. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private static final short[][] END = new short[0][];

  private final List<ReceivedAudio> legs = new ArrayList<>();
  private final List<AutoCloseable> taps = new ArrayList<>();
  private final List<Path> legFiles = new ArrayList<>();
  private final Path mixedFile;
  private final BlockingQueue<short[][]> frames = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Pacer.PacedTask ticking;
  private volatile @Nullable IOException failure;

  private CallRecorder(Pacer pacer, Path directory, String name, List<RtpSession> sessions)
      throws IOException {
    List<WavWriter> writers = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      Path file = directory.resolve(name + "-leg" + (i + 1) + ".wav");
      legFiles.add(file);
      writers.add(WavWriter.create(file, WavEncoding.PCM16, FrameFormat.SAMPLE_RATE));
    }
    mixedFile = directory.resolve(name + "-mixed.wav");
    writers.add(WavWriter.create(mixedFile, WavEncoding.PCM16, FrameFormat.SAMPLE_RATE));
    for (RtpSession session : sessions) {
      ReceivedAudio leg = new ReceivedAudio();
      legs.add(leg);
      taps.add(session.tap(leg));
    }
    writer = Thread.ofVirtual().name("recorder-" + name).start(() -> write(writers));
    ticking = pacer.schedule(this::tick);
  }

  /**
   * Starts recording {@code sessions} into {@code directory}, files named after {@code name}.
   *
   * @throws IOException if a file cannot be created
   */
  public static CallRecorder start(
      Pacer pacer, Path directory, String name, List<RtpSession> sessions) throws IOException {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("nothing to record");
    }
    return new CallRecorder(pacer, directory, name, sessions);
  }

  /** The per-leg files, in the order the sessions were given. */
  public List<Path> legFiles() {
    return List.copyOf(legFiles);
  }

  /** The mixed file. */
  public Path mixedFile() {
    return mixedFile;
  }

  /**
   * Stops recording and finishes the files.
   *
   * @throws UncheckedIOException if writing failed
   */
  @Override
  public void close() {
    ticking.cancel();
    for (AutoCloseable tap : taps) {
      try {
        tap.close();
      } catch (Exception e) {
        // removing a tap cannot fail
      }
    }
    frames.add(END);
    try {
      writer.join(CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IOException failed = failure;
    if (failed != null) {
      throw new UncheckedIOException("recording failed", failed);
    }
  }

  private void tick() {
    short[][] tickFrames = new short[legs.size()][FrameFormat.SAMPLES];
    for (int i = 0; i < legs.size(); i++) {
      legs.get(i).read(tickFrames[i]);
    }
    frames.add(tickFrames);
  }

  private void write(List<WavWriter> writers) {
    WavWriter mixed = writers.getLast();
    short[] mix = new short[FrameFormat.SAMPLES];
    try {
      for (short[][] tickFrames = frames.take(); tickFrames != END; tickFrames = frames.take()) {
        for (int leg = 0; leg < tickFrames.length; leg++) {
          writers.get(leg).write(tickFrames[leg]);
        }
        for (int s = 0; s < mix.length; s++) {
          int sum = 0;
          for (short[] legFrame : tickFrames) {
            sum += legFrame[s];
          }
          mix[s] = FrameFormat.saturate(sum);
        }
        mixed.write(mix);
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (WavWriter each : writers) {
        try {
          each.close();
        } catch (IOException e) {
          failure = e;
        }
      }
    }
  }
}
