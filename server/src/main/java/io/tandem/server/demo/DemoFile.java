package io.tandem.server.demo;

import io.tandem.core.simulation.Scenario;
import io.tandem.simulator.InvalidScenarioFileException;
import io.tandem.simulator.ScenarioFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a demo file (format in {@code server/README.md}) into a {@link DemoDefinition}: two YAML
 * documents separated by a line {@code ---}. The first is the tenant with its callers and agents in
 * the staffing simulator's scenario format, read by the simulator's own {@link ScenarioFile}; the
 * second is read by {@link DemoExtrasReader}. Every problem of both, and of how they fit together
 * ({@link DemoFileFit}: menu keys leading to unknown queues …), is reported at once, each naming
 * its field.
 */
public final class DemoFile {

  /** A YAML document marker at the start of a line, optionally followed by a comment. */
  private static final Pattern DOCUMENT_MARKER = Pattern.compile("---\\s*(#.*)?");

  private DemoFile() {}

  /**
   * Reads and checks {@code text}; {@code source} names it in messages.
   *
   * @throws InvalidDemoFileException listing every problem
   */
  public static DemoDefinition parse(String text, String source) {
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int marker = secondDocumentMarker(lines, problems);
    if (marker < 0) {
      throw new InvalidDemoFileException(source, problems);
    }
    // Blank lines in place of the first document keep the second one's line numbers right.
    String tenantText = String.join("\n", Arrays.copyOfRange(lines, 0, marker));
    String extrasText =
        "\n".repeat(marker + 1)
            + String.join("\n", Arrays.copyOfRange(lines, marker + 1, lines.length));
    Scenario tenant = null;
    try {
      tenant = ScenarioFile.parse(tenantText, source, "demo");
    } catch (InvalidScenarioFileException e) {
      e.problems().forEach(problem -> problems.add(problem.toString()));
    }
    DemoExtrasReader.Extras extras = DemoExtrasReader.read(extrasText, problems);
    if (tenant != null && extras != null) {
      new DemoFileFit(YamlLines.of(tenantText), YamlLines.of(extrasText), problems)
          .check(tenant, extras);
    }
    if (!problems.isEmpty() || tenant == null || extras == null) {
      throw new InvalidDemoFileException(source, problems);
    }
    return new DemoDefinition(
        tenant, extras.entryMenu(), extras.callers(), extras.agents(), extras.teamsUsers());
  }

  /** The index of the line that starts the second document; -1 (and a problem) if none. */
  private static int secondDocumentMarker(String[] lines, List<String> problems) {
    boolean content = false;
    int marker = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (DOCUMENT_MARKER.matcher(line).matches()) {
        if (!content) {
          continue; // an explicit start of the first document
        }
        if (marker >= 0) {
          problems.add("line " + (i + 1) + ": starts a third YAML document; a demo file has two");
          return -1;
        }
        marker = i;
      } else if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
        content = true;
      }
    }
    if (marker < 0) {
      problems.add(
          "must hold two YAML documents separated by a line '---': the tenant in the simulator's"
              + " scenario format, then virtualAssistant, callers and agents");
    }
    return marker;
  }
}
