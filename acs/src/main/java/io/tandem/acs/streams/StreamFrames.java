package io.tandem.acs.streams;

import io.tandem.acs.streams.StreamFrame.AudioData;
import io.tandem.acs.streams.StreamFrame.AudioMetadata;
import io.tandem.acs.streams.StreamFrame.DtmfData;
import io.tandem.acs.streams.StreamFrame.ResultStatus;
import io.tandem.acs.streams.StreamFrame.TranscriptionData;
import io.tandem.acs.streams.StreamFrame.TranscriptionMetadata;
import io.tandem.acs.streams.StreamFrame.Word;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON text frames of ACS's transcription and media-streaming WebSockets
 * (MICROSOFT-CONTRACTS §3.6). Unknown fields are ignored, as ACS adds fields over time; a missing
 * or mistyped field, an unknown {@code kind}, a duplicate key or a value beyond the bounds below is
 * an {@link IllegalArgumentException} whose message starts with the field's path.
 */
public final class StreamFrames {

  /** The longest frame accepted, in characters. */
  public static final int MAX_FRAME_CHARS = 256 * 1024;

  /** The most audio one {@code AudioData} may carry: 64 KiB is over 1 s of PCM16 at 24 kHz. */
  public static final int MAX_AUDIO_BYTES = 64 * 1024;

  /** The longest text of a {@code TranscriptionData} or word, in characters. */
  public static final int MAX_TEXT_CHARS = 16 * 1024;

  /** The most words of one {@code TranscriptionData}. */
  public static final int MAX_WORDS = 4096;

  private static final int MAX_ID_CHARS = 1024;
  private static final int MAX_BASE64_CHARS = 4 * ((MAX_AUDIO_BYTES + 2) / 3);
  private static final Pattern DTMF = Pattern.compile("[0-9*#A-Da-d]{1,32}");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StreamFrames() {}

  /** The frame in {@code json}; throws {@link IllegalArgumentException} naming what is wrong. */
  public static StreamFrame parse(String json) {
    if (json.length() > MAX_FRAME_CHARS) {
      throw new IllegalArgumentException(
          "frame: " + json.length() + " characters, more than " + MAX_FRAME_CHARS);
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException malformed) {
      throw new IllegalArgumentException(
          "frame: not JSON (" + malformed.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("frame: not a JSON object");
    }
    String kind = text(root, "kind", "kind", MAX_ID_CHARS);
    return switch (kind) {
      case "TranscriptionMetadata" -> transcriptionMetadata(body(root, "transcriptionMetadata"));
      case "TranscriptionData" -> transcriptionData(body(root, "transcriptionData"));
      case "AudioMetadata" -> audioMetadata(body(root, "audioMetadata"));
      case "AudioData" -> audioData(body(root, "audioData"));
      case "DtmfData" -> dtmfData(body(root, "dtmfData"));
      default -> throw new IllegalArgumentException("kind: unknown kind " + quoted(kind));
    };
  }

  private static TranscriptionMetadata transcriptionMetadata(JsonNode node) {
    String at = "transcriptionMetadata.";
    return new TranscriptionMetadata(
        text(node, "subscriptionId", at, MAX_ID_CHARS),
        text(node, "locale", at, MAX_ID_CHARS),
        text(node, "callConnectionId", at, MAX_ID_CHARS),
        text(node, "correlationId", at, MAX_ID_CHARS));
  }

  private static TranscriptionData transcriptionData(JsonNode node) {
    String at = "transcriptionData.";
    double confidence = number(node, "confidence", at);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(at + "confidence: " + confidence + " is not within 0-1");
    }
    return new TranscriptionData(
        text(node, "text", at, MAX_TEXT_CHARS),
        text(node, "format", at, MAX_ID_CHARS),
        confidence,
        ticks(node, "offset", at),
        ticks(node, "duration", at),
        words(node.get("words"), at + "words"),
        optionalText(node, "participantRawID", at),
        status(text(node, "resultStatus", at, MAX_ID_CHARS), at));
  }

  private static List<Word> words(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(at + ": not an array");
    }
    if (node.size() > MAX_WORDS) {
      throw new IllegalArgumentException(
          at + ": " + node.size() + " words, more than " + MAX_WORDS);
    }
    List<Word> words = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode word = node.get(i);
      String wordAt = at + "[" + i + "].";
      if (!word.isObject()) {
        throw new IllegalArgumentException(
            wordAt.substring(0, wordAt.length() - 1) + ": not an object");
      }
      words.add(
          new Word(
              text(word, "text", wordAt, MAX_TEXT_CHARS),
              ticks(word, "offset", wordAt),
              ticks(word, "duration", wordAt)));
    }
    return words;
  }

  private static ResultStatus status(String value, String at) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "final" -> ResultStatus.FINAL;
      case "intermediate" -> ResultStatus.INTERMEDIATE;
      default ->
          throw new IllegalArgumentException(
              at + "resultStatus: " + quoted(value) + " is neither Final nor Intermediate");
    };
  }

  private static AudioMetadata audioMetadata(JsonNode node) {
    String at = "audioMetadata.";
    return new AudioMetadata(
        text(node, "subscriptionId", at, MAX_ID_CHARS),
        text(node, "encoding", at, MAX_ID_CHARS),
        positive(node, "sampleRate", at, 192_000),
        positive(node, "channels", at, 64),
        positive(node, "length", at, MAX_AUDIO_BYTES));
  }

  private static AudioData audioData(JsonNode node) {
    String at = "audioData.";
    String stamp = text(node, "timestamp", at, MAX_ID_CHARS);
    Instant timestamp;
    try {
      timestamp = Instant.parse(stamp);
    } catch (DateTimeParseException bad) {
      throw new IllegalArgumentException(at + "timestamp: " + quoted(stamp) + " is not an instant");
    }
    String data = text(node, "data", at, MAX_BASE64_CHARS);
    byte[] pcm;
    try {
      pcm = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(at + "data: not base64 (" + bad.getMessage() + ")");
    }
    JsonNode silent = node.get("silent");
    if (silent != null && !silent.isNull() && !silent.isBoolean()) {
      throw new IllegalArgumentException(at + "silent: not a boolean");
    }
    return new AudioData(
        timestamp,
        optionalText(node, "participantRawID", at),
        pcm,
        silent != null && silent.booleanValue());
  }

  private static DtmfData dtmfData(JsonNode node) {
    String data = text(node, "data", "dtmfData.", MAX_ID_CHARS);
    if (!DTMF.matcher(data).matches()) {
      throw new IllegalArgumentException("dtmfData.data: " + quoted(data) + " is not DTMF tones");
    }
    return new DtmfData(data);
  }

  private static JsonNode body(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(field + ": missing or not an object");
    }
    return node;
  }

  private static String text(JsonNode node, String field, String at, int maxChars) {
    String path = at.equals(field) ? field : at + field;
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException(path + ": missing or not a string");
    }
    String text = value.stringValue();
    if (text.length() > maxChars) {
      throw new IllegalArgumentException(
          path + ": " + text.length() + " characters, more than " + maxChars);
    }
    return text;
  }

  private static @Nullable String optionalText(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return text(node, field, at, MAX_ID_CHARS);
  }

  private static double number(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(at + field + ": missing or not a number");
    }
    return value.doubleValue();
  }

  private static long ticks(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(at + field + ": missing or not an integer");
    }
    long ticks = value.longValue();
    if (ticks < 0) {
      throw new IllegalArgumentException(at + field + ": " + ticks + " is negative");
    }
    return ticks;
  }

  private static int positive(JsonNode node, String field, String at, int max) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(at + field + ": missing or not an integer");
    }
    int number = value.intValue();
    if (number < 1 || number > max) {
      throw new IllegalArgumentException(at + field + ": " + number + " is not within 1-" + max);
    }
    return number;
  }

  private static String quoted(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "\"" + shown + "\"";
  }
}
