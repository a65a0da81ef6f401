package io.tandem.acs.unify.bench;

import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.testkit.load.JournalReader;
import io.tandem.testkit.load.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the emulator's journal as it grows and keeps only the figures: per call, the time from the
 * emulator POSTing the IncomingCall Event Grid delivery to the application's {@code :answer}
 * arriving (matched by the correlation id inside the {@code incomingCallContext}), and from the
 * caller's first key ({@code caller.pressed}) to the application's next request on that call after
 * the callback reporting it (the first continuous-DTMF tone, or a RecognizeCompleted), split at
 * that callback's POST; keys pressed that no callback ever reported (lost); hold-music and
 * announcement plays; ACS errors, deliveries and callbacks the application did not accept, and how
 * calls ended. Thread-safe; one thread calls {@link #drain} at a time; the other methods may be
 * called from other threads.
 */
final class JournalTap {

  private static final String CONNECTIONS = "/calling/callConnections";
  private static final String INCOMING = "eventgrid Microsoft.Communication.IncomingCall";
  private static final String RECOGNIZED = "callback RecognizeCompleted";
  private static final String TONE = "callback ContinuousDtmfRecognitionToneReceived";
  private static final Pattern CONTEXT = Pattern.compile("\"incomingCallContext\":\"([^\"]+)\"");
  private static final Pattern CORRELATION = Pattern.compile("\"cc\":\"([^\"]+)\"");

  private final JournalReader reader;
  private final Map<String, Instant> incomingSent = new HashMap<>();
  private final Map<String, Instant> pressed = new HashMap<>();
  private final Map<String, Instant> recognizedSent = new HashMap<>();
  private final Set<String> answered = new HashSet<>();
  private final Set<String> tonesSeen = new HashSet<>();
  private final Set<String> tonesReported = new HashSet<>();
  private final Set<String> withHoldMusic = new HashSet<>();
  final Samples answerLatency = new Samples();
  final Samples toneLatency = new Samples();
  final Samples callbackLatency = new Samples();
  final Map<String, Integer> toneReactions = new TreeMap<>();
  final Map<String, Integer> acsErrors = new TreeMap<>();
  final Map<String, Integer> refused = new TreeMap<>();
  final Map<String, Integer> endings = new TreeMap<>();
  final Map<String, Integer> redeliveries = new TreeMap<>();
  int holdPrompts;
  int recognizeFailed;
  int announcements;
  int deliveriesNotAccepted;
  int callbacksNotAccepted;
  int callersHungUp;
  int endedByApplication;

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

  /** Calls the application played music on hold to at least once. */
  synchronized int callsWithHoldMusic() {
    return withHoldMusic.size();
  }

  /** Callers who pressed a key. */
  synchronized int keysPressed() {
    return tonesSeen.size();
  }

  /** Calls whose caller pressed a key that no callback reported: the key was lost. */
  int keysLost() {
    int lost = 0;
    for (String call : tonesSeen) {
      if (!tonesReported.contains(call)) {
        lost++;
      }
    }
    return lost;
  }

  synchronized int holdPrompts() {
    return holdPrompts;
  }

  synchronized int announcements() {
    return announcements;
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
    return kind.startsWith("eventgrid")
        || kind.startsWith("callback")
        || kind.startsWith("caller.")
        || kind.startsWith("call.")
        || (entry.direction() == Direction.IN && kind.startsWith("POST " + CONNECTIONS))
        || (entry.direction() == Direction.IN && kind.startsWith("DELETE " + CONNECTIONS))
        || (kind.startsWith("response ") && !kind.startsWith("response 2"));
  }

  private void take(JournalEntry entry) {
    String kind = entry.kind();
    String callId = entry.callId();
    if (kind.equals(INCOMING) && callId != null) {
      incomingSent.putIfAbsent(callId, entry.time());
    } else if ((kind.equals(RECOGNIZED) || kind.equals(TONE)) && callId != null) {
      if (tonesReported.add(callId)) {
        recognizedSent.putIfAbsent(callId, entry.time());
      }
    } else if (kind.equals("callback RecognizeFailed")) {
      recognizeFailed++;
    } else if (kind.equals("caller.pressed") && callId != null) {
      if (tonesSeen.add(callId)) {
        pressed.put(callId, entry.time());
      }
    } else if (kind.equals("caller.patienceExhausted") || kind.equals("caller.hungUp")) {
      callersHungUp++;
    } else if (kind.equals("call.hungUp")
        || kind.equals("call.terminated")
        || kind.equals("call.applicationLeft")
        || kind.equals("call.rejected")
        || kind.equals("call.redirected")) {
      endedByApplication++;
      endings.merge(kind, 1, Integer::sum);
    } else if (kind.equals("call.ringTimedOut")) {
      endings.merge(kind, 1, Integer::sum);
    } else if (kind.endsWith(" reply") && entry.direction() == Direction.IN) {
      reply(entry, kind);
    } else if (kind.endsWith(".retrying")
        || kind.endsWith(".givenUp")
        || kind.endsWith(".retryScheduled")) {
      redeliveries.merge(kind, 1, Integer::sum);
    } else if (kind.startsWith("response ")) {
      String request = entry.attributes().getOrDefault("request", "?");
      if (request.contains(CONNECTIONS)) {
        acsErrors.merge(kind.substring(9) + " " + action(request), 1, Integer::sum);
      }
    } else if (kind.startsWith("POST ") || kind.startsWith("DELETE ")) {
      request(entry, kind, entry.body() == null ? "" : entry.body());
    }
  }

  private void reply(JournalEntry entry, String kind) {
    String status = entry.attributes().getOrDefault("status", "0");
    if (status.startsWith("2")) {
      return;
    }
    String what = kind.substring(0, kind.length() - " reply".length());
    if (what.startsWith("eventgrid ")) {
      deliveriesNotAccepted++;
    } else if (what.startsWith("callback ")) {
      callbacksNotAccepted++;
    }
    String why = entry.body() == null ? "" : " " + entry.body().lines().findFirst().orElse("");
    refused.merge(
        status + " " + what + why.substring(0, Math.min(why.length(), 80)), 1, Integer::sum);
  }

  private void request(JournalEntry entry, String kind, String body) {
    String action = action(kind);
    if (action.equals("answer")) {
      String correlation = correlationOf(body);
      if (correlation != null && answered.add(correlation)) {
        Instant sent = incomingSent.remove(correlation);
        if (sent != null) {
          answerLatency.add(Duration.between(sent, entry.time()));
        }
      }
      return;
    }
    String path = kind.substring(kind.indexOf(CONNECTIONS) + CONNECTIONS.length() + 1);
    int end = path.indexOf(':');
    String connection = end < 0 ? path : path.substring(0, end);
    Instant recognized = recognizedSent.remove(connection);
    if (recognized != null) {
      callbackLatency.add(Duration.between(recognized, entry.time()));
      Instant tone = pressed.remove(connection);
      if (tone != null) {
        toneLatency.add(Duration.between(tone, entry.time()));
      }
      toneReactions.merge(
          action + (body.contains("music-on-hold") ? " (music on hold)" : ""), 1, Integer::sum);
    }
    if (action.equals("play") && body.contains("/music-on-hold.wav")) {
      holdPrompts++;
      withHoldMusic.add(connection);
    } else if (action.equals("play") && body.contains("/you-are-number.wav")) {
      announcements++;
    }
  }

  /** The correlation id inside an answer's {@code incomingCallContext} (the emulator's claims). */
  private static @Nullable String correlationOf(String body) {
    Matcher context = CONTEXT.matcher(body);
    if (!context.find()) {
      return null;
    }
    String[] parts = context.group(1).split("\\.");
    if (parts.length < 2) {
      return null;
    }
    String claims;
    try {
      claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    Matcher correlation = CORRELATION.matcher(claims);
    return correlation.find() ? correlation.group(1) : null;
  }

  /** The request's operation: {@code answer}, {@code play}, {@code recognize}, {@code DELETE} … */
  private static String action(String request) {
    if (request.startsWith("DELETE ")) {
      return "DELETE call";
    }
    int colon = request.lastIndexOf(':');
    int slash = request.lastIndexOf('/');
    return request.substring(Math.max(colon, slash) + 1);
  }
}
