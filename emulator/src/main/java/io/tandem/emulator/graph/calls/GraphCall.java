package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One emulated Graph call as the bot sees it: identity, state, the parties, participants,
 * operations, timers, and the queue its notifications leave by. Every field is guarded by the
 * call's own monitor ({@code synchronized (call)}); the classes that act on calls take it.
 */
final class GraphCall {

  final String id;
  final String tenantId;
  final String appId;
  final boolean incoming;
  final String callChainId;
  final String myParticipantId;
  final Instant createdAt;
  final NotificationQueue notifications;

  /** The resource account the call belongs to, if any (PSTN needs one). */
  final @Nullable String applicationInstanceId;

  CallState state;
  @Nullable URI callbackUri;
  ObjectNode source = Json.object();
  ArrayNode targets = Json.array();
  ArrayNode requestedModalities = Json.array().add("audio");
  @Nullable JsonNode mediaConfig;
  @Nullable JsonNode callOptions;
  @Nullable JsonNode meetingInfo;
  @Nullable JsonNode chatInfo;
  @Nullable String subject;
  @Nullable ObjectNode incomingContext;
  @Nullable ObjectNode resultInfo;
  @Nullable String terminationReason;
  @Nullable ObjectNode toneInfo;
  long etag = 1;

  /** When the bot's side of the call came up (answer, or the callee picked up). */
  @Nullable Instant connectedAt;

  /** The other side of the call (a PSTN caller, a Teams user, an external number), once known. */
  @Nullable RemoteParty remote;

  /** The participant id of {@link #remote} in the roster. */
  @Nullable String remoteParticipantId;

  boolean toneSubscribed;
  long toneSequence;
  boolean muted;

  final Map<String, ObjectNode> participants = new LinkedHashMap<>();
  final Map<String, CommsOperation> operations = new LinkedHashMap<>();

  /** How to hang up each invited participant's leg, by participant id. */
  final Map<String, Runnable> invitedLegs = new LinkedHashMap<>();

  /** How to stop ringing each invitee who has not answered yet, by their participant id. */
  final Map<String, Runnable> pendingInvites = new LinkedHashMap<>();

  /** The participants hearing hold music ({@code startHoldMusic}), out of the call's mix. */
  final java.util.Set<String> onHoldMusic = new java.util.LinkedHashSet<>();

  /** Stops ringing the callee of an outgoing call that is not answered yet. */
  @Nullable Runnable stopRinging;

  /**
   * Hangs up every invited participant's leg, stops every ringing invitation, and stops ringing an
   * outgoing call's callee.
   */
  void hangUpInvited() {
    Runnable ringing = stopRinging;
    stopRinging = null;
    if (ringing != null) {
      ringing.run();
    }
    List.copyOf(invitedLegs.values()).forEach(Runnable::run);
    invitedLegs.clear();
    List.copyOf(pendingInvites.values()).forEach(Runnable::run);
    pendingInvites.clear();
  }

  Scheduler.@Nullable Timer answerDeadline;
  Scheduler.@Nullable Timer expiry;
  final List<Scheduler.Timer> timers = new ArrayList<>();

  GraphCall(
      String id,
      String tenantId,
      String appId,
      boolean incoming,
      @Nullable String applicationInstanceId,
      String callChainId,
      String myParticipantId,
      Instant createdAt,
      NotificationQueue notifications) {
    this.id = id;
    this.tenantId = tenantId;
    this.appId = appId;
    this.incoming = incoming;
    this.applicationInstanceId = applicationInstanceId;
    this.callChainId = callChainId;
    this.myParticipantId = myParticipantId;
    this.createdAt = createdAt;
    this.notifications = notifications;
    this.state = incoming ? CallState.INCOMING : CallState.ESTABLISHING;
  }

  /**
   * Moves to {@code next}.
   *
   * @throws IllegalCallStateException if the table of legal moves does not allow it
   */
  void move(CallState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalCallStateException(id, state, next.wire());
    }
    state = next;
    etag++;
    if (next.isFinal()) {
      cancelTimers();
    }
  }

  /** Whether a bot can still act on the call (Graph answers 404 once it has ended). */
  boolean live() {
    return !state.isFinal();
  }

  void cancelTimers() {
    if (answerDeadline != null) {
      answerDeadline.cancel();
    }
    if (expiry != null) {
      expiry.cancel();
    }
    timers.forEach(Scheduler.Timer::cancel);
    timers.clear();
  }

  String resourceUrl() {
    return "/communications/calls/" + id;
  }
}
