package io.tandem.sip.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one sipp run reported.
 *
 * @param exitCode sipp's exit code: 0 every call succeeded, 1 some failed, 97 stopped by an
 *     internal command, 99 exited without processing a call, 255 fatal error, -1 killed by us
 * @param successful calls that reached the end of the scenario ({@code SuccessfulCall(C)})
 * @param failed calls that failed ({@code FailedCall(C)}), e.g. an unexpected message, a timeout or
 *     an {@code <ereg check_it="true">} that did not match
 * @param errors sipp's error log ({@code -trace_err}), empty when nothing went wrong
 * @param output what sipp printed (usage, fatal errors)
 * @param workDirectory where sipp ran: scenario, media, stat.csv, screen.log, errors.log (deleted
 *     when the run is closed unless {@code -Dsipp.keep=true})
 * @param command the command line, for reproducing a failure by hand
 */
public record SippResult(
    int exitCode,
    long successful,
    long failed,
    String errors,
    String output,
    Path workDirectory,
    List<String> command) {

  /** Exit code 0 with at least one successful call and none failed. */
  public boolean allSucceeded() {
    return exitCode == 0 && failed == 0 && successful > 0;
  }

  /** Everything needed to understand a failed run, for assertion messages. */
  public String diagnostics() {
    return "sipp exit "
        + exitCode
        + ", successful "
        + successful
        + ", failed "
        + failed
        + "\ncommand (in "
        + workDirectory
        + "): "
        + String.join(" ", command)
        + "\nerrors:\n"
        + tail(errors)
        + "\noutput:\n"
        + tail(output);
  }

  static SippResult read(int exitCode, Path work, List<String> command) {
    long[] counts = finalCounts(read(work.resolve("stat.csv")));
    return new SippResult(
        exitCode,
        counts[0],
        counts[1],
        read(work.resolve("errors.log")),
        read(work.resolve("sipp.out")),
        work,
        command);
  }

  /** SuccessfulCall(C) and FailedCall(C) from the last row of sipp's {@code -trace_stat} CSV. */
  static long[] finalCounts(String csv) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.size() < 2) {
      return new long[] {0, 0};
    }
    List<String> header = List.of(lines.getFirst().split(";"));
    String[] last = lines.getLast().split(";");
    return new long[] {
      column(header, last, "SuccessfulCall(C)"), column(header, last, "FailedCall(C)")
    };
  }

  private static long column(List<String> header, String[] row, String name) {
    int index = header.indexOf(name);
    return index >= 0 && index < row.length ? Long.parseLong(row[index].trim()) : 0;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
  }
}
