package io.tandem.graph.extend.bench;

import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.testkit.load.JournalReader;
import io.tandem.testkit.load.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the emulator's journal as it grows and keeps only the figures: per call, the time from the
 * incoming-call notification (a call's first) leaving the emulator to the bot's answer arriving,
 * and from the first tone notification leaving to the bot's next request on that call; hold-music
 * requests; Graph errors, notifications the bot did not accept, and how calls ended. Thread-safe;
 * one thread calls {@link #drain} at a time; the other methods may be called from other threads.
 */
final class JournalTap {

  private static final String CALLS = "/v1.0/communications/calls/";
  private static final Pattern SUBCODE = Pattern.compile("\"subcode\"\\s*:\\s*(\\d+)");

  private final JournalReader reader;
  private final Map<String, Instant> incomingSent = new HashMap<>();
  private final Map<String, Instant> toneSent = new HashMap<>();
  private final Set<String> notified = new HashSet<>();
  private final Set<String> answered = new HashSet<>();
  private final Set<String> tonesSeen = new HashSet<>();
  private final Set<String> withHoldMusic = new HashSet<>();
  final Samples answerLatency = new Samples();
  final Samples toneLatency = new Samples();
  final Map<String, Integer> toneReactions = new TreeMap<>();
  final Map<String, Integer> graphErrors = new TreeMap<>();
  final Map<String, Integer> terminations = new TreeMap<>();
  int holdPrompts;
  int notificationsNotAccepted;
  final Map<String, Integer> notificationReplies = new TreeMap<>();
  int callersHungUp;
  int callersDisconnectedByBot;
  int tonesLost;

  /** A tap that reads what {@code journal} records from now on. */
  JournalTap(Journal journal, int capacity) {
    this.reader = new JournalReader(journal, capacity, JournalTap::wanted);
  }

  /** Takes every entry recorded since the last drain. */
  synchronized void drain() {
    for (JournalEntry entry : reader.next()) {
      take(entry);
    }
  }

  synchronized boolean entriesLost() {
    return reader.entriesLost();
  }

  synchronized int answeredCalls() {
    return answered.size();
  }

  /** Calls the bot played music on hold to at least once. */
  synchronized int callsWithHoldMusic() {
    return withHoldMusic.size();
  }

  synchronized int holdPrompts() {
    return holdPrompts;
  }

  /** Answer latencies seen so far. */
  synchronized int answers() {
    return answerLatency.count();
  }

  /** The answer latencies after the first {@code skipped}. */
  synchronized String answerLatencySince(int skipped) {
    return answerLatency.summarySince(skipped);
  }

  private static boolean wanted(JournalEntry entry) {
    String kind = entry.kind();
    return kind.equals("notification")
        || kind.equals("notification reply")
        || kind.startsWith("caller.")
        || kind.equals("tone.notSubscribed")
        || (entry.direction() == Direction.IN && kind.contains(CALLS))
        || (kind.startsWith("response ") && !kind.startsWith("response 2"));
  }

  private void take(JournalEntry entry) {
    String kind = entry.kind();
    String body = entry.body() == null ? "" : entry.body();
    switch (kind) {
      case "notification" -> notification(entry, body);
      case "notification reply" -> {
        String status = entry.attributes().getOrDefault("status", "0");
        if (!status.startsWith("2")) {
          notificationsNotAccepted++;
          String why =
              entry.body() == null ? "" : " " + entry.body().lines().findFirst().orElse("");
          notificationReplies.merge(
              status + why.substring(0, Math.min(why.length(), 80)), 1, Integer::sum);
        }
      }
      case "caller.hungUp" -> callersHungUp++;
      case "caller.disconnected" -> callersDisconnectedByBot++;
      case "tone.notSubscribed" -> tonesLost++;
      default -> {
        if (kind.startsWith("response ")) {
          String request = entry.attributes().getOrDefault("request", "?");
          if (request.contains(CALLS)) {
            graphErrors.merge(kind.substring(9) + " " + action(request), 1, Integer::sum);
          }
        } else if (kind.contains(CALLS)) {
          request(entry, kind, body);
        }
      }
    }
  }

  private void notification(JournalEntry entry, String body) {
    String callId = entry.callId();
    if (callId == null) {
      return;
    }
    if (notified.add(callId)) {
      incomingSent.put(callId, entry.time());
    } else if (body.contains("\"toneInfo\"") && tonesSeen.add(callId)) {
      toneSent.put(callId, entry.time());
    } else if (body.contains("\"terminated\"")) {
      Matcher subcode = SUBCODE.matcher(body);
      terminations.merge(subcode.find() ? subcode.group(1) : "none", 1, Integer::sum);
    }
  }

  private void request(JournalEntry entry, String kind, String body) {
    String path = kind.substring(kind.indexOf(CALLS) + CALLS.length());
    int slash = path.indexOf('/');
    String callId = slash < 0 ? path : path.substring(0, slash);
    String action = action(kind);
    if (action.equals("answer") && answered.add(callId)) {
      Instant sent = incomingSent.remove(callId);
      if (sent != null) {
        answerLatency.add(Duration.between(sent, entry.time()));
      }
    }
    Instant tone = toneSent.remove(callId);
    if (tone != null) {
      toneLatency.add(Duration.between(tone, entry.time()));
      toneReactions.merge(action, 1, Integer::sum);
    }
    if (action.equals("playPrompt") && body.contains("\"hold-")) {
      holdPrompts++;
      withHoldMusic.add(callId);
    }
  }

  /** The request's method and last path segment: {@code answer}, {@code DELETE call} … */
  private static String action(String request) {
    if (request.startsWith("DELETE ")) {
      return "DELETE call";
    }
    return request.substring(request.lastIndexOf('/') + 1);
  }
}
