package io.tandem.server.cli;

import io.tandem.simulator.SimulateCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command-line entry points of {@code tandem.jar} that run without starting the server: {@code
 * config apply|export} (see {@link ConfigCommand}) and {@code simulate --scenario file.yaml} (the
 * staffing simulator, in-process). Exit codes: 0 done, 1 failed (refused by the server, cannot
 * connect), 2 invalid (usage or an invalid document).
 */
public final class TandemCommand {

  private TandemCommand() {}

  /** Whether {@code args} ask for a command rather than the server. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && (args[0].equals("config") || args[0].equals("simulate"));
  }

  /**
   * Runs the command {@code args} names, printing to {@code out} and {@code err}; the exit code.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "config" -> ConfigCommand.run(rest, out, err);
      case "simulate" -> SimulateCommand.run(scenarioAsFile(rest), out, err);
      default -> throw new IllegalArgumentException("not a command: " + args[0]);
    };
  }

  /** {@code --scenario f} or {@code --scenario=f} as the simulator's file argument {@code f}. */
  private static String[] scenarioAsFile(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--scenario") && i + 1 < args.length) {
        out.add(args[++i]);
      } else if (args[i].startsWith("--scenario=")) {
        out.add(args[i].substring("--scenario=".length()));
      } else {
        out.add(args[i]);
      }
    }
    return out.toArray(String[]::new);
  }
}
