package io.tandem.server.insight;

import io.tandem.core.insight.CallRecord;
import io.tandem.core.insight.CallSummarizer;
import io.tandem.core.insight.CallSummary;
import io.tandem.core.insight.SummaryUnavailableException;
import io.tandem.core.insight.TranscriptSegment;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Summarizes a call with a language model behind an OpenAI-compatible chat-completions endpoint.
 * The model gets the call's facts and transcript and is asked for {@code {"summary": …,
 * "keyPoints": […]}}; an answer that is plain text instead becomes the summary text without key
 * points. Intents, outcome and wrap-up code are the call's own, never the model's. Credited as
 * {@code openai:<model>}.
 *
 * <p>Threading: thread-safe; blocks up to the endpoint's timeout.
 */
public final class OpenAiCompatibleSummarizer implements CallSummarizer, AutoCloseable {

  /** The longest transcript sent, in characters; the middle of a longer one is left out. */
  static final int MAX_TRANSCRIPT_CHARS = 48_000;

  static final String INSTRUCTIONS =
      "You summarize contact-center calls for the agent's colleagues. Answer with one JSON object"
          + " and nothing else: {\"summary\": \"two to four sentences: why the customer called,"
          + " what was done, what is still open\", \"keyPoints\": [\"at most five short facts\"]}."
          + " Use only what the call record says.";

  private final ChatCompletions chat;
  private final JsonMapper json = JsonMapper.builder().build();

  public OpenAiCompatibleSummarizer(OpenAiEndpoint endpoint) {
    this.chat = new ChatCompletions(endpoint, "tandem.summary");
  }

  /** {@code openai:<model>}. */
  public String name() {
    return "openai:" + chat.model();
  }

  @Override
  public CallSummary summarize(CallRecord call) throws SummaryUnavailableException {
    String answer;
    try {
      answer = chat.complete(INSTRUCTIONS, prompt(call));
    } catch (ChatCompletions.Failure e) {
      throw new SummaryUnavailableException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SummaryUnavailableException("interrupted");
    }
    return parse(answer.strip(), call);
  }

  private CallSummary parse(String answer, CallRecord call) {
    String text = answer;
    List<String> keyPoints = new ArrayList<>();
    String unfenced = answer.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
    if (unfenced.startsWith("{")) {
      try {
        JsonNode object = json.readTree(unfenced);
        if (object.path("summary").isString() && !object.path("summary").asString().isBlank()) {
          text = object.path("summary").asString().strip();
          for (JsonNode point : object.path("keyPoints")) {
            if (point.isString() && !point.asString().isBlank()) {
              keyPoints.add(point.asString().strip());
            }
          }
        }
      } catch (JacksonException e) {
        // Not the JSON asked for: the whole answer is the summary.
      }
    }
    return new CallSummary(
        text, keyPoints, call.intents(), call.outcome(), call.wrapUpCode(), name());
  }

  /** The call record as the model reads it: facts, then the transcript line by line. */
  static String prompt(CallRecord call) {
    StringBuilder facts = new StringBuilder();
    facts.append("Outcome: ").append(call.outcome()).append('\n');
    facts.append("Waited: ").append(call.waited().toSeconds()).append(" s\n");
    facts.append("Talked: ").append(call.talked().toSeconds()).append(" s\n");
    facts.append("Intents: ").append(String.join(", ", call.intents())).append('\n');
    call.attributes().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(
            e ->
                facts
                    .append("Attribute ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue())
                    .append('\n'));
    if (call.wrapUpCode() != null) {
      facts.append("Wrap-up code: ").append(call.wrapUpCode()).append('\n');
    }
    if (call.wrapUpNotes() != null) {
      facts.append("Agent notes: ").append(call.wrapUpNotes()).append('\n');
    }
    StringBuilder transcript = new StringBuilder();
    for (TranscriptSegment segment : call.transcript()) {
      long seconds = segment.offset().toSeconds();
      transcript.append(
          String.format(
              "[%02d:%02d] %s: %s\n",
              seconds / 60, seconds % 60, segment.speaker(), segment.text()));
    }
    String lines = transcript.toString();
    if (lines.length() > MAX_TRANSCRIPT_CHARS) {
      int half = MAX_TRANSCRIPT_CHARS / 2;
      lines = lines.substring(0, half) + "\n[…]\n" + lines.substring(lines.length() - half);
    }
    return facts + "Transcript:\n" + (lines.isEmpty() ? "(none)\n" : lines);
  }

  @Override
  public void close() {
    chat.close();
  }
}
