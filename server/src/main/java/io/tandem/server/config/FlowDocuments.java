package io.tandem.server.config;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.flow.FlowProblem;
import io.tandem.core.flow.FlowValidator;
import io.tandem.server.eventlog.RecordDocuments;
import io.tandem.simulator.DurationText;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps flow documents to {@link Flow}s and back. A flow document is the flow's record form: {@code
 * id}, {@code name}, {@code start} and {@code nodes}, an object of node id to node, each node an
 * object with {@code kind} ({@code Play}, {@code Menu}, {@code CollectDigits}, {@code CheckHours},
 * {@code SetAttributes}, {@code HttpLookup}, {@code RouteToQueue}, {@code TransferToNumber}, {@code
 * Voicemail}, {@code HangUp}, {@code OfferCallback}) and the fields of that node record; prompts
 * are {@code {kind: File, uri}} or {@code {kind: Text, text, language}}. Optional fields may be
 * left out; durations are text ({@code 5s}, {@code PT5S}). Nodes keep the order they are written
 * in.
 */
final class FlowDocuments {

  private static final RecordDocuments DOCUMENTS =
      new RecordDocuments(FlowDocuments::duration, "5s or PT5S");

  private FlowDocuments() {}

  private static Duration duration(String text) {
    Duration duration = DurationText.parse(text);
    if (duration == null) {
      throw new IllegalArgumentException("not " + DurationText.EXPECTED);
    }
    return duration;
  }

  /** The flow {@code node} at {@code path} describes, or null when it does not read as one. */
  static @Nullable Flow flow(JsonNode node, String path, Problems problems) {
    try {
      return DOCUMENTS.read(Flow.class, node, path);
    } catch (RecordDocuments.FieldException e) {
      problems.add(e.field(), e.getMessage());
      return null;
    }
  }

  /** Adds every problem that keeps {@code flow} at {@code path} from running in {@code catalog}. */
  static void validate(Flow flow, FlowCatalog catalog, String path, Problems problems) {
    for (FlowProblem problem : FlowValidator.problems(flow, catalog)) {
      String field =
          problem.node() == null
              ? Problems.at(path, problem.field())
              : Problems.at(path, "nodes." + problem.node() + "." + problem.field());
      problems.add(field, problem.message());
    }
  }

  /** The document of {@code flow}. */
  static JsonNode of(Flow flow) {
    return DOCUMENTS.write(flow);
  }
}
