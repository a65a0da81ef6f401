package io.tandem.simulator;

import io.tandem.core.simulation.Scenario;
import io.tandem.core.simulation.SimulationReport;
import io.tandem.core.simulation.StaffingSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code tandem-simulator [--json] [--seed N] scenario.yaml}: runs a staffing scenario through the
 * real routing engine and prints the KPI table (or JSON) on standard output.
 *
 * <p>Exit codes: 0 done; 2 bad arguments, missing or unreadable file, or invalid scenario (every
 * problem on standard error, with its line); 1 the simulation itself failed (a bug: please report
 * it with the scenario).
 */
public final class SimulateCommand {

  /** Success. */
  public static final int OK = 0;

  /** The simulation failed unexpectedly. */
  public static final int FAILED = 1;

  /** Bad usage, missing file or invalid scenario. */
  public static final int INVALID = 2;

  static final String USAGE =
      """
      usage: tandem-simulator [--json] [--seed N] scenario.yaml

      Runs a staffing scenario through Tandem's routing engine in virtual time and prints
      per-queue, overall and per-agent KPIs. Scenario format: docs/simulator.md.

        --json      print the report as JSON instead of tables
        --seed N    use random seed N instead of the scenario's seed
        --help      print this help
      """;

  private SimulateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command with {@code args}, printing to {@code out} and {@code err}; the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean json = false;
    Long seed = null;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return OK;
        }
        case "--json" -> json = true;
        case "--seed" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--seed needs a number");
          }
          seed = seed(args[++i]);
          if (seed == null) {
            return usage(err, "--seed needs a whole number, got '" + args[i] + "'");
          }
        }
        default -> {
          if (arg.startsWith("--seed=")) {
            seed = seed(arg.substring(7));
            if (seed == null) {
              return usage(err, "--seed needs a whole number, got '" + arg.substring(7) + "'");
            }
          } else if (arg.startsWith("-") && !arg.equals("-")) {
            return usage(err, "unknown option " + arg);
          } else if (file != null) {
            return usage(err, "give one scenario file, got " + file + " and " + arg);
          } else {
            file = arg;
          }
        }
      }
    }
    if (file == null) {
      return usage(err, "no scenario file given");
    }
    Scenario scenario;
    try {
      scenario = ScenarioFile.read(Path.of(file));
    } catch (NoSuchFileException e) {
      err.println("tandem-simulator: no such scenario file: " + file);
      return INVALID;
    } catch (IOException e) {
      String why = Files.isDirectory(Path.of(file)) ? "is a directory" : e.toString();
      err.println("tandem-simulator: cannot read " + file + ": " + why);
      return INVALID;
    } catch (InvalidScenarioFileException e) {
      err.println(e.getMessage());
      return INVALID;
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    try {
      long started = System.nanoTime();
      SimulationReport report = new StaffingSimulator().run(scenario);
      double seconds = (System.nanoTime() - started) / 1e9;
      out.print(json ? report.toJson() : report.toTable());
      out.flush();
      err.printf(
          Locale.ROOT,
          "simulated %d arrivals (%d engine events) in %.2f s%n",
          report.arrivals(),
          report.events(),
          seconds);
      return OK;
    } catch (RuntimeException e) {
      err.println("tandem-simulator: the simulation failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private static @Nullable Long seed(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("tandem-simulator: " + problem);
    err.print(USAGE);
    return INVALID;
  }
}
