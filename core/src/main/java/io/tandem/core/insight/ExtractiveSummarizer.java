package io.tandem.core.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline summarizer: picks the transcript's key sentences and states the call's facts
 * (intents, outcome, times, wrap-up) from the timeline. Deterministic: the same record gives the
 * same summary. A call without transcript gets a summary of the facts alone.
 *
 * <p>Sentence scoring follows Luhn's frequency method (H. P. Luhn, "The Automatic Creation of
 * Literature Abstracts", 1958): each content word weighs as many sentences as contain it; a
 * sentence scores the sum of its content words' weights over the square root of their number,
 * raised by 25% when it is the customer's first sentence (the reason for the call), 10% when it
 * opens a speaker's turn and 10% in the last fifth of the call (the resolution). Sentences with
 * fewer than {@value #MIN_CONTENT_WORDS} content words (greetings, "yes") never count; a candidate
 * sharing more than 60% of its content words with one already picked is skipped. Ties go to the
 * earlier sentence; the picks are listed in call order.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExtractiveSummarizer implements CallSummarizer {

  /** The name in {@link CallSummary#summarizer()}. */
  public static final String NAME = "extractive";

  static final int MIN_CONTENT_WORDS = 3;
  private static final int MAX_ATTRIBUTES = 10;

  private final int maxKeyPoints;

  /** Picks at most 3 key sentences. */
  public ExtractiveSummarizer() {
    this(3);
  }

  /** Picks at most {@code maxKeyPoints} key sentences (1-20). */
  public ExtractiveSummarizer(int maxKeyPoints) {
    if (maxKeyPoints < 1 || maxKeyPoints > 20) {
      throw new IllegalArgumentException("key points must be 1-20, got " + maxKeyPoints);
    }
    this.maxKeyPoints = maxKeyPoints;
  }

  @Override
  public CallSummary summarize(CallRecord call) {
    List<String> keyPoints =
        keySentences(Sentences.of(call.transcript())).stream()
            .map(s -> s.speaker() + ": " + s.text())
            .toList();
    return new CallSummary(
        text(call, keyPoints), keyPoints, call.intents(), call.outcome(), call.wrapUpCode(), NAME);
  }

  private List<Sentences.Sentence> keySentences(List<Sentences.Sentence> sentences) {
    Map<String, Integer> weight = new HashMap<>();
    sentences.forEach(s -> s.contentWords().forEach(w -> weight.merge(w, 1, Integer::sum)));
    int firstCustomer =
        sentences.stream()
            .filter(s -> s.speaker().equals(TranscriptSegment.CUSTOMER))
            .mapToInt(Sentences.Sentence::position)
            .findFirst()
            .orElse(-1);
    Map<Sentences.Sentence, Double> scores = new HashMap<>();
    for (Sentences.Sentence sentence : sentences) {
      Set<String> words = sentence.contentWords();
      if (words.size() < MIN_CONTENT_WORDS) {
        continue;
      }
      double base = words.stream().mapToInt(weight::get).sum() / Math.sqrt(words.size());
      double bonus = 1.0;
      bonus += sentence.position() == firstCustomer ? 0.25 : 0;
      bonus += sentence.opensTurn() ? 0.10 : 0;
      bonus += sentence.position() >= sentences.size() * 0.8 ? 0.10 : 0;
      scores.put(sentence, base * bonus);
    }
    List<Sentences.Sentence> ranked = new ArrayList<>(scores.keySet());
    ranked.sort(
        Comparator.comparingDouble((Sentences.Sentence s) -> -scores.get(s))
            .thenComparingInt(Sentences.Sentence::position));
    List<Sentences.Sentence> picked = new ArrayList<>();
    for (Sentences.Sentence candidate : ranked) {
      if (picked.size() == maxKeyPoints) {
        break;
      }
      if (picked.stream().noneMatch(p -> overlaps(candidate, p))) {
        picked.add(candidate);
      }
    }
    picked.sort(Comparator.comparingInt(Sentences.Sentence::position));
    return picked;
  }

  private static boolean overlaps(Sentences.Sentence candidate, Sentences.Sentence picked) {
    long shared = candidate.contentWords().stream().filter(picked.contentWords()::contains).count();
    return shared > 0.6 * candidate.contentWords().size();
  }

  private String text(CallRecord call, List<String> keyPoints) {
    StringBuilder text = new StringBuilder(outcomeSentence(call));
    if (!call.intents().isEmpty()) {
      text.append(" Intents: ").append(String.join(", ", call.intents())).append('.');
    }
    if (!call.attributes().isEmpty()) {
      List<String> gathered =
          call.attributes().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .limit(MAX_ATTRIBUTES)
              .map(e -> e.getKey() + "=" + e.getValue())
              .toList();
      text.append(" Gathered: ").append(String.join(", ", gathered)).append('.');
    }
    if (call.wrapUpCode() != null) {
      text.append(" Wrap-up code: ").append(call.wrapUpCode()).append('.');
    }
    if (call.wrapUpNotes() != null && !call.wrapUpNotes().isBlank()) {
      text.append(" Agent notes: ").append(call.wrapUpNotes().strip()).append('.');
    }
    if (keyPoints.isEmpty()) {
      text.append(call.transcript().isEmpty() ? " No transcript." : "");
    } else {
      text.append(" Key points: ").append(String.join(" | ", keyPoints));
    }
    return text.toString();
  }

  private static String outcomeSentence(CallRecord call) {
    String outcome = call.outcome();
    String waited = spoken(call.waited());
    if (outcome.equals("connected")) {
      return "The caller talked with an agent for "
          + spoken(call.talked())
          + (call.waited().isZero() ? "." : " after waiting " + waited + ".");
    }
    if (outcome.equals("abandoned")) {
      return "The caller hung up after waiting " + waited + ", before reaching an agent.";
    }
    if (outcome.startsWith("failed:")) {
      return "The call failed (" + outcome.substring(7) + ").";
    }
    if (outcome.startsWith("ended:")) {
      return "The call ended (" + outcome.substring(6) + ").";
    }
    return switch (outcome) {
      case "forwarded" -> "The call was forwarded.";
      case "voicemail" -> "The caller left a voicemail.";
      case "callback" -> "The caller asked to be called back.";
      case "in-progress" -> "The call is still in progress.";
      default -> "The call ended: " + outcome + ".";
    };
  }

  /** {@code 45 s}, {@code 3 min 12 s}, {@code 1 h 2 min}. */
  static String spoken(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
    return seconds / 3600
        + " h"
        + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
  }
}
