package io.tandem.media.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of an engine's executable: the command as an argument list (no shell, so nothing in the
 * input is ever interpreted), {@code stdin} written on a virtual thread, standard output and error
 * drained on two more, the whole run bounded by a time limit after which the process is killed.
 */
final class EngineProcess {

  /** How a run ended: exit code and everything the process wrote. */
  record Outcome(int exitCode, byte[] stdout, String stderr) {}

  /** How long to wait for the output pipes to close once the process has exited. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private EngineProcess() {}

  /**
   * Runs {@code command} with {@code stdin} as its input.
   *
   * @throws SpeechException {@code ENGINE_MISSING} when it cannot be started, {@code TIMED_OUT}
   *     when it runs longer than {@code timeout}
   */
  static Outcome run(List<String> command, byte[] stdin, Duration timeout) throws SpeechException {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new SpeechException(
          SpeechException.Reason.ENGINE_MISSING,
          "cannot start '" + command.getFirst() + "' (is it installed?): " + e.getMessage(),
          e);
    }
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    Thread.ofVirtual().name("speech-stdin").start(() -> feed(process.getOutputStream(), stdin));
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        throw new SpeechException(
            SpeechException.Reason.TIMED_OUT,
            "'" + command.getFirst() + "' did not finish within " + timeout + " and was killed");
      }
      return new Outcome(
          process.exitValue(),
          out.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS),
          new String(err.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS)).strip());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new SpeechException(
          SpeechException.Reason.ENGINE_FAILED,
          "cannot read the output of '" + command.getFirst() + "': " + e.getMessage(),
          e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("speech-drain")
        .start(
            () -> {
              try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                result.complete(bytes.toByteArray());
              } catch (IOException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  private static void feed(OutputStream stream, byte[] input) {
    try (stream) {
      stream.write(input);
    } catch (IOException e) {
      // The process exited before reading all of it: its exit code and stderr say why.
    }
  }
}
