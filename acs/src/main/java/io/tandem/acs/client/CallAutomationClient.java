package io.tandem.acs.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure Communication Services Call Automation ({@code api-version=2025-05-15} on {@code /calling})
 * and Teams extension access assignments ({@code 2025-06-30} on {@code /access}) for one ACS
 * resource. Every method is one REST call (participants follows {@code nextLink}); what follows
 * (CallConnected, PlayCompleted …) arrives as callbacks. Operations ACS makes repeatable carry
 * {@code Repeatability-Request-ID}/{@code Repeatability-First-Sent}. One short method per
 * operation: bodies are written by {@link WireRequests}, replies read by {@link WireReplies}.
 */
public final class CallAutomationClient {

  static final String CALLING = "api-version=2025-05-15";
  static final String ACCESS = "api-version=2025-06-30";
  private static final String CONNECTIONS = "/calling/callConnections";

  private final AcsTransport transport;
  private final RecordingContent content;

  public CallAutomationClient(
      URI endpoint, AcsCredential credential, HttpClient http, RetryPolicy retry, Clock clock) {
    this.transport = new AcsTransport(endpoint, credential, http, retry, clock);
    this.content = new RecordingContent(endpoint, credential, http, clock);
  }

  /** A client for the connection string's resource, HMAC-signed, with the default retries. */
  public static CallAutomationClient connect(AcsConnectionString cs, HttpClient http, Clock clock) {
    return new CallAutomationClient(
        cs.endpoint(), new AcsCredential.Hmac(cs.accessKey()), http, RetryPolicy.DEFAULT, clock);
  }

  // Incoming calls

  public CallConnection answer(AnswerCall request) throws AcsException {
    return WireReplies.connection(
        post(CONNECTIONS + ":answer", WireRequests.answer(request), true));
  }

  public void reject(String incomingCallContext, RejectReason reason) throws AcsException {
    ObjectNode body = WireRequests.object().put("incomingCallContext", incomingCallContext);
    post(CONNECTIONS + ":reject", body.put("callRejectReason", reason.wire()), true);
  }

  public void redirect(String incomingCallContext, Identifier target) throws AcsException {
    ObjectNode body = WireRequests.object().put("incomingCallContext", incomingCallContext);
    body.set("target", target.toJson());
    post(CONNECTIONS + ":redirect", body, true);
  }

  // Call connections

  public CallConnection createCall(CreateCall request) throws AcsException {
    return WireReplies.connection(post(CONNECTIONS, WireRequests.create(request), true));
  }

  public CallConnection get(String callConnectionId) throws AcsException {
    return WireReplies.connection(
        transport.send("GET", calling(connection(callConnectionId)), null, false));
  }

  /** Leaves the call (DELETE); the others talk on when two or more remain. */
  public void hangUp(String callConnectionId) throws AcsException {
    transport.send("DELETE", calling(connection(callConnectionId)), null, false);
  }

  /** Ends the call for everyone. */
  public void terminate(String callConnectionId) throws AcsException {
    post(connection(callConnectionId) + ":terminate", null, true);
  }

  public void transferToParticipant(String callConnectionId, Transfer request) throws AcsException {
    post(
        connection(callConnectionId) + ":transferToParticipant",
        WireRequests.transfer(request),
        true);
  }

  // Media

  public void play(String callConnectionId, Play request) throws AcsException {
    post(connection(callConnectionId) + ":play", WireRequests.play(request), false);
  }

  public void recognize(String callConnectionId, Recognize request) throws AcsException {
    post(connection(callConnectionId) + ":recognize", WireRequests.recognize(request), false);
  }

  public void startContinuousDtmf(String id, Identifier target, @Nullable String operationContext)
      throws AcsException {
    post(
        connection(id) + ":startContinuousDtmfRecognition",
        WireRequests.targeted(target, operationContext),
        false);
  }

  public void stopContinuousDtmf(String id, Identifier target, @Nullable String operationContext)
      throws AcsException {
    post(
        connection(id) + ":stopContinuousDtmfRecognition",
        WireRequests.targeted(target, operationContext),
        false);
  }

  public void sendDtmfTones(
      String id, List<Tone> tones, Identifier target, @Nullable String operationContext)
      throws AcsException {
    if (tones.isEmpty()) {
      throw new IllegalArgumentException("sendDtmfTones needs at least one tone");
    }
    ObjectNode body = WireRequests.targeted(target, operationContext);
    body.set("tones", WireRequests.tones(tones));
    post(connection(id) + ":sendDtmfTones", body, true);
  }

  public void cancelAllMediaOperations(String id) throws AcsException {
    post(connection(id) + ":cancelAllMediaOperations", WireRequests.object(), false);
  }

  /** Puts {@code target} on hold, with {@code music} played to them when given. */
  public void hold(
      String id, Identifier target, @Nullable PlaySource music, @Nullable String operationContext)
      throws AcsException {
    ObjectNode body = WireRequests.targeted(target, operationContext);
    if (music != null) {
      body.set("playSourceInfo", WireRequests.source(music));
    }
    post(connection(id) + ":hold", body, false);
  }

  public void unhold(String id, Identifier target, @Nullable String operationContext)
      throws AcsException {
    post(connection(id) + ":unhold", WireRequests.targeted(target, operationContext), false);
  }

  // Participants

  public AddedParticipant addParticipant(String id, AddParticipant request) throws AcsException {
    return WireReplies.added(
        post(connection(id) + "/participants:add", WireRequests.addParticipant(request), true));
  }

  public void removeParticipant(
      String id, Identifier participant, @Nullable String operationContext) throws AcsException {
    ObjectNode body = WireRequests.withContext(operationContext);
    body.set("participantToRemove", participant.toJson());
    post(connection(id) + "/participants:remove", body, true);
  }

  public void cancelAddParticipant(
      String id, String invitationId, @Nullable String operationContext) throws AcsException {
    if (invitationId.isBlank()) {
      throw new IllegalArgumentException("invitationId is blank");
    }
    ObjectNode body = WireRequests.withContext(operationContext).put("invitationId", invitationId);
    post(connection(id) + "/participants:cancelAddParticipant", body, true);
  }

  /** Everyone in the call, following {@code nextLink} page by page. */
  public List<CallParticipant> participants(String id) throws AcsException {
    List<CallParticipant> participants = new ArrayList<>();
    JsonNode page = transport.send("GET", calling(connection(id) + "/participants"), null, false);
    for (int pages = 1; ; pages++) {
      for (JsonNode participant : page.path("value")) {
        participants.add(WireReplies.participant(participant));
      }
      String next = WireReplies.text(page, "nextLink");
      if (next == null || next.isBlank()) {
        return participants;
      }
      if (pages >= 100) {
        throw WireReplies.malformed("more than 100 pages of participants");
      }
      page = transport.send("GET", nextLink(next), null, false);
    }
  }

  // Recording

  /** Starts recording a call connection (the TPE form, by {@code callConnectionId}). */
  public RecordingStatus startRecording(String callConnectionId, StartRecording request)
      throws AcsException {
    return WireReplies.recording(
        post("/calling/recordings", WireRequests.startRecording(callConnectionId, request), true));
  }

  public void pauseRecording(String recordingId) throws AcsException {
    post(recording(recordingId) + ":pause", null, false);
  }

  public void resumeRecording(String recordingId) throws AcsException {
    post(recording(recordingId) + ":resume", null, false);
  }

  public void stopRecording(String recordingId) throws AcsException {
    transport.send("DELETE", calling(recording(recordingId)), null, false);
  }

  /**
   * The file of a finished recording at {@code contentLocation} (from {@code
   * RecordingFileStatusUpdated}), fetched as the SDK's {@code downloadContent} does.
   */
  public byte[] downloadRecording(URI contentLocation) throws AcsException {
    return content.download(contentLocation);
  }

  public RecordingStatus recordingStatus(String recordingId) throws AcsException {
    return WireReplies.recording(
        transport.send("GET", calling(recording(recordingId)), null, false));
  }

  // Transcription and media streaming

  public void startTranscription(
      String id, @Nullable String locale, @Nullable String operationContext) throws AcsException {
    ObjectNode body = WireRequests.withContext(operationContext);
    if (locale != null) {
      body.put("locale", locale);
    }
    post(connection(id) + ":startTranscription", body, false);
  }

  public void stopTranscription(String id, @Nullable String operationContext) throws AcsException {
    post(connection(id) + ":stopTranscription", WireRequests.withContext(operationContext), false);
  }

  public void startMediaStreaming(String id, @Nullable String operationContext)
      throws AcsException {
    post(
        connection(id) + ":startMediaStreaming", WireRequests.withContext(operationContext), false);
  }

  public void stopMediaStreaming(String id, @Nullable String operationContext) throws AcsException {
    post(connection(id) + ":stopMediaStreaming", WireRequests.withContext(operationContext), false);
  }

  // Teams extension access assignments

  /**
   * Lets Teams user {@code objectId} be added as a {@code teamsExtensionUser} by {@code clientIds}.
   */
  public void assignTeamsExtensionUser(String tenantId, String objectId, List<String> clientIds)
      throws AcsException {
    if (clientIds.isEmpty()) {
      throw new IllegalArgumentException("a user assignment needs at least one client id");
    }
    ObjectNode body = WireRequests.object().put("principalType", "user");
    ArrayNode ids = body.putArray("clientIds");
    clientIds.forEach(ids::add);
    transport.send("PUT", assignment(tenantId, objectId), body, false);
  }

  /** Consents for resource account {@code objectId} on this resource. */
  public void assignResourceAccount(String tenantId, String objectId) throws AcsException {
    ObjectNode body = WireRequests.object().put("principalType", "teamsResourceAccount");
    transport.send("PUT", assignment(tenantId, objectId), body, false);
  }

  public void removeAssignment(String tenantId, String objectId) throws AcsException {
    transport.send("DELETE", assignment(tenantId, objectId), null, false);
  }

  // Paths

  private JsonNode post(String path, @Nullable ObjectNode body, boolean repeatable)
      throws AcsException {
    return transport.send("POST", calling(path), body, repeatable);
  }

  private static String calling(String path) {
    return path + "?" + CALLING;
  }

  private static String connection(String callConnectionId) {
    return CONNECTIONS + "/" + Requests.segment(callConnectionId);
  }

  private static String recording(String recordingId) {
    return "/calling/recordings/" + Requests.segment(recordingId);
  }

  private static String assignment(String tenantId, String objectId) {
    return "/access/teamsExtension/tenants/"
        + Requests.segment(tenantId)
        + "/assignments/"
        + Requests.segment(objectId)
        + "?"
        + ACCESS;
  }

  private URI nextLink(String next) {
    URI uri = transport.resolve(next);
    String query = uri.getRawQuery();
    if (query == null || !query.contains("api-version=")) {
      return URI.create(uri + (query == null ? "?" : "&") + CALLING);
    }
    return uri;
  }
}
