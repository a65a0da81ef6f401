package io.tandem.graph.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a {@code commsNotifications} body (MICROSOFT-CONTRACTS §2.4) into {@link CallSignal}s, in
 * order. A body that is not a commsNotifications document is refused with {@link
 * IllegalArgumentException}; notifications about resources it does not know are skipped.
 */
public final class CommsNotifications {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CALL =
      Pattern.compile("/?(?:app/)?communications/calls/([^/]+)(/.*)?");
  private static final Map<String, String> TONES = Map.of("star", "*", "pound", "#", "flash", "!");

  private CommsNotifications() {}

  public static List<CallSignal> parse(byte[] body) {
    JsonNode document;
    try {
      document = JSON.readTree(body);
    } catch (JacksonException malformed) {
      throw new IllegalArgumentException("not JSON: " + malformed.getOriginalMessage());
    }
    JsonNode value = document.path("value");
    if (!value.isArray()) {
      throw new IllegalArgumentException("a commsNotifications document has a value array");
    }
    List<CallSignal> signals = new ArrayList<>();
    for (JsonNode notification : value) {
      signal(notification, signals);
    }
    return signals;
  }

  private static void signal(JsonNode notification, List<CallSignal> into) {
    String changeType = notification.path("changeType").asString("");
    Matcher url = CALL.matcher(notification.path("resourceUrl").asString(""));
    if (!url.matches()) {
      return;
    }
    String callId = url.group(1);
    String rest = url.group(2) == null ? "" : url.group(2);
    JsonNode data = notification.path("resourceData");
    if (rest.startsWith("/operations/")) {
      into.add(operation(callId, data));
    } else if (rest.equals("/participants")) {
      into.add(new CallSignal.RosterUpdated(callId, roster(data)));
    } else if (rest.isEmpty()) {
      call(callId, changeType, data, into);
    }
  }

  private static void call(String callId, String changeType, JsonNode data, List<CallSignal> into) {
    String state = data.path("state").asString("");
    ResultInfo result =
        data.hasNonNull("resultInfo") ? ResultInfo.from(data.path("resultInfo")) : null;
    if ("created".equals(changeType) && "incoming".equals(state)) {
      JsonNode caller = data.path("source").path("identity");
      into.add(
          new CallSignal.IncomingCall(
              callId,
              text(data.path("tenantId")),
              text(caller.path("phone").path("id")),
              text(caller.path("user").path("id")),
              applicationInstance(data.path("targets"))));
      return;
    }
    if ("deleted".equals(changeType) || "terminated".equals(state)) {
      into.add(new CallSignal.Terminated(callId, result));
      return;
    }
    if (data.has("toneInfo")) {
      JsonNode tone = data.path("toneInfo");
      into.add(
          new CallSignal.ToneReceived(
              callId, tone(tone.path("tone").asString("")), tone.path("sequenceId").asLong(0)));
    }
    if (!state.isEmpty()) {
      into.add(new CallSignal.StateChanged(callId, state, result));
    }
  }

  private static CallSignal operation(String callId, JsonNode data) {
    String type = data.path("@odata.type").asString("").replace("#microsoft.graph.", "");
    return new CallSignal.OperationCompleted(
        callId,
        type,
        new CommsOperation(
            data.path("id").asString(""),
            CommsOperation.Status.parse(data.path("status").asString("")),
            text(data.path("clientContext")),
            data.hasNonNull("resultInfo") ? ResultInfo.from(data.path("resultInfo")) : null,
            text(data.path("recordingLocation")),
            text(data.path("recordingAccessToken"))));
  }

  private static List<CallSignal.Participant> roster(JsonNode data) {
    List<CallSignal.Participant> roster = new ArrayList<>();
    for (JsonNode participant : data) {
      JsonNode identity = participant.path("info").path("identity");
      String id = text(participant.path("id"));
      if (id != null) {
        roster.add(
            new CallSignal.Participant(
                id,
                text(identity.path("user").path("id")),
                text(identity.path("phone").path("id")),
                text(identity.path("application").path("id"))));
      }
    }
    return roster;
  }

  private static @org.jspecify.annotations.Nullable String applicationInstance(JsonNode targets) {
    for (JsonNode target : targets) {
      String id = text(target.path("identity").path("applicationInstance").path("id"));
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** {@code tone0}…{@code tone9} → digits, {@code star} → *, {@code pound} → #, {@code a} → A. */
  static String tone(String graphTone) {
    if (graphTone.startsWith("tone") && graphTone.length() == 5) {
      return graphTone.substring(4);
    }
    String mapped = TONES.get(graphTone);
    return mapped != null ? mapped : graphTone.toUpperCase(java.util.Locale.ROOT);
  }

  private static @org.jspecify.annotations.Nullable String text(JsonNode node) {
    return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
  }
}
