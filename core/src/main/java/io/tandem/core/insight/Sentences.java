package io.tandem.core.insight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The sentences of a transcript, each with who said it and its content words. */
final class Sentences {

  /** One sentence. {@code opensTurn}: the speaker before it was someone else (or nobody). */
  record Sentence(
      int position, String speaker, String text, Set<String> contentWords, boolean opensTurn) {}

  private static final Pattern END = Pattern.compile("(?<=[.!?。！？])\\s+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** Frequent English words that say nothing about what a call was about. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "about",
          "after",
          "again",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "for",
          "from",
          "get",
          "got",
          "had",
          "has",
          "have",
          "he",
          "her",
          "here",
          "hi",
          "him",
          "his",
          "how",
          "i",
          "i'm",
          "if",
          "in",
          "is",
          "it",
          "it's",
          "its",
          "just",
          "know",
          "let",
          "like",
          "me",
          "my",
          "no",
          "not",
          "now",
          "of",
          "oh",
          "ok",
          "okay",
          "on",
          "one",
          "or",
          "our",
          "please",
          "right",
          "see",
          "she",
          "so",
          "sure",
          "thank",
          "thanks",
          "that",
          "that's",
          "the",
          "their",
          "them",
          "then",
          "there",
          "they",
          "this",
          "to",
          "uh",
          "um",
          "up",
          "us",
          "very",
          "was",
          "we",
          "well",
          "were",
          "what",
          "when",
          "where",
          "which",
          "will",
          "with",
          "would",
          "yeah",
          "yes",
          "you",
          "you're",
          "your",
          "hello",
          "bye",
          "goodbye",
          "good",
          "day",
          "morning",
          "afternoon",
          "evening",
          "welcome",
          "help",
          "can't",
          "don't",
          "i'll",
          "we'll",
          "i've",
          "want",
          "need",
          "going",
          "today",
          "really",
          "much",
          "way",
          "thing");

  private Sentences() {}

  /** The transcript's sentences, in order. */
  static List<Sentence> of(List<TranscriptSegment> transcript) {
    List<Sentence> sentences = new ArrayList<>();
    String previousSpeaker = null;
    for (TranscriptSegment segment : transcript) {
      for (String piece : END.split(segment.text().strip())) {
        String text = piece.strip();
        if (text.isEmpty()) {
          continue;
        }
        boolean opensTurn = !segment.speaker().equals(previousSpeaker);
        sentences.add(
            new Sentence(sentences.size(), segment.speaker(), text, contentWords(text), opensTurn));
        previousSpeaker = segment.speaker();
      }
    }
    return sentences;
  }

  /** The distinct words of {@code text}, lower case, without stop words and very short words. */
  static Set<String> contentWords(String text) {
    Set<String> words = new LinkedHashSet<>();
    var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      String word = matcher.group();
      if (word.length() > 2 && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
