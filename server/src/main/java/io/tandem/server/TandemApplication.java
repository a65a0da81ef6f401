package io.tandem.server;

import io.tandem.server.cli.TandemCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Tandem server: {@code java -jar tandem.jar}. Configuration keys are in the README; {@code
 * java -jar tandem.jar config ...} and {@code simulate ...} are commands instead.
 */
@SpringBootApplication
public class TandemApplication {

  /**
   * Starts the server; or, when the first argument is {@code config} or {@code simulate}, runs that
   * command (see {@link TandemCommand}) without starting Spring and exits with its code.
   */
  public static void main(String[] args) {
    if (TandemCommand.isCommand(args)) {
      System.exit(TandemCommand.run(args, System.out, System.err));
    }
    SpringApplication.run(TandemApplication.class, args);
  }
}
