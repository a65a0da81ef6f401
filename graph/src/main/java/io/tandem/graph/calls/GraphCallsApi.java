package io.tandem.graph.calls;

import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.GraphException;
import io.tandem.graph.client.GraphResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's call-control actions for one tenant's bot, as MICROSOFT-CONTRACTS §2.2 lists them, with
 * service-hosted media. Paths use the short action names, which Graph and the emulator both accept.
 */
public final class GraphCallsApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_PROMPTS = 20;

  private final GraphClient graph;

  public GraphCallsApi(GraphClient graph) {
    this.graph = graph;
  }

  /** Answers an incoming call with service-hosted media, pre-fetching {@code prompts}. */
  public void answer(String callId, URI callbackUri, List<URI> prompts) throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    body.put("callbackUri", callbackUri.toString());
    ObjectNode media = body.putObject("mediaConfig");
    media.put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig");
    ArrayNode preFetch = media.putArray("preFetchMedia");
    prompts.forEach(uri -> mediaInfo(preFetch.addObject(), uri));
    body.putArray("acceptedModalities").add("audio");
    graph.post(call(callId) + "/answer", body);
  }

  /**
   * Rejects an incoming call; {@code reason} is {@code none}, {@code busy} or {@code forbidden}.
   */
  public void reject(String callId, String reason) throws GraphException {
    if (!List.of("none", "busy", "forbidden").contains(reason)) {
      throw new IllegalArgumentException("rejectReason is none, busy or forbidden: " + reason);
    }
    graph.post(call(callId) + "/reject", JSON.createObjectNode().put("reason", reason));
  }

  /** Redirects an incoming call to {@code targets}, ringing them for {@code timeoutSeconds}. */
  public void redirect(
      String callId, List<GraphTarget> targets, int timeoutSeconds, URI callbackUri)
      throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("targets");
    targets.forEach(target -> invitation(list.addObject(), target, null));
    body.put("timeout", timeoutSeconds);
    body.put("callbackUri", callbackUri.toString());
    graph.post(call(callId) + "/redirect", body);
  }

  /** Blind transfer, or consultative when {@code replacesCallId} is the consult call's id. */
  public void transfer(String callId, GraphTarget target, @Nullable String replacesCallId)
      throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    invitation(body.putObject("transferTarget"), target, replacesCallId);
    graph.post(call(callId) + "/transfer", body);
  }

  /** Plays up to 20 prompts one after another; completion arrives as a notification. */
  public CommsOperation playPrompt(String callId, List<URI> prompts, String clientContext)
      throws GraphException {
    if (prompts.isEmpty() || prompts.size() > MAX_PROMPTS) {
      throw new IllegalArgumentException("playPrompt takes 1 to 20 prompts, not " + prompts.size());
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("prompts");
    for (URI uri : prompts) {
      ObjectNode prompt = list.addObject();
      prompt.put("@odata.type", "#microsoft.graph.mediaPrompt");
      mediaInfo(prompt.putObject("mediaInfo"), uri);
    }
    body.put("clientContext", context(clientContext));
    return operation(graph.post(call(callId) + "/playPrompt", body));
  }

  /**
   * Records the caller ({@code recordResponse}) after {@code prompt}, if any, and a beep, until
   * {@code maxSilenceSeconds} of silence after speech, {@code #}, or {@code maxRecordSeconds}
   * (Graph takes 1 to 120); with no speech within {@code initialSilenceSeconds} it fails. The
   * completion notification carries {@code recordingLocation} and {@code recordingAccessToken}.
   */
  public CommsOperation recordResponse(
      String callId,
      @Nullable URI prompt,
      int maxRecordSeconds,
      int initialSilenceSeconds,
      int maxSilenceSeconds,
      String clientContext)
      throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode prompts = body.putArray("prompts");
    if (prompt != null) {
      ObjectNode item = prompts.addObject();
      item.put("@odata.type", "#microsoft.graph.mediaPrompt");
      mediaInfo(item.putObject("mediaInfo"), prompt);
    }
    body.put("bargeInAllowed", true);
    body.put("initialSilenceTimeoutInSeconds", seconds(initialSilenceSeconds));
    body.put("maxSilenceTimeoutInSeconds", seconds(maxSilenceSeconds));
    body.put("maxRecordDurationInSeconds", seconds(maxRecordSeconds));
    body.put("playBeep", true);
    body.putArray("stopTones").add("#");
    body.put("clientContext", context(clientContext));
    return operation(graph.post(call(callId) + "/recordResponse", body));
  }

  /**
   * The audio of a finished recording: {@code GET recordingLocation} with {@code Authorization:
   * Bearer <recordingAccessToken>} (not the app's token), as call-record.md describes.
   */
  public byte[] recording(URI location, String accessToken) throws GraphException {
    return graph.download(location, accessToken);
  }

  private static int seconds(int value) {
    if (value < 1 || value > 120) {
      throw new IllegalArgumentException("recordResponse limits are 1 to 120 s, not " + value);
    }
    return value;
  }

  /** Asks for a notification for every DTMF tone from now on. */
  public CommsOperation subscribeToTone(String callId, String clientContext) throws GraphException {
    return operation(
        graph.post(
            call(callId) + "/subscribeToTone",
            JSON.createObjectNode().put("clientContext", context(clientContext))));
  }

  /** Stops every running prompt and recording on the call. */
  public CommsOperation cancelMediaProcessing(String callId, String clientContext)
      throws GraphException {
    return operation(
        graph.post(
            call(callId) + "/cancelMediaProcessing",
            JSON.createObjectNode().put("clientContext", context(clientContext))));
  }

  /** Keeps the call alive; Graph ends calls not kept alive for 45 minutes. */
  public void keepAlive(String callId) throws GraphException {
    graph.post(call(callId) + "/keepAlive", null);
  }

  /**
   * An invitation under way: its {@code inviteParticipantsOperation}, and the invitee's participant
   * id when the operation names it (removing that participant cancels a ringing invitation).
   */
  public record Invitation(CommsOperation operation, @Nullable String participantId) {}

  /** Invites a participant into the call (agents, consults, transfers, supervisors). */
  public Invitation invite(String callId, GraphTarget participant, String clientContext)
      throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    invitation(body.putArray("participants").addObject(), participant, null);
    body.put("clientContext", context(clientContext));
    GraphResponse response = graph.post(call(callId) + "/participants/invite", body);
    JsonNode invitee = response.body().path("participants").path(0).path("participantId");
    return new Invitation(
        operation(response),
        invitee.isString() && !invitee.asString().isEmpty() ? invitee.asString() : null);
  }

  /** Puts a participant on hold with music ({@code customPrompt} absent: Teams' own music). */
  public CommsOperation startHoldMusic(String callId, String participantId, String clientContext)
      throws GraphException {
    return operation(
        graph.post(
            call(callId) + "/participants/" + encode(participantId) + "/startHoldMusic",
            JSON.createObjectNode().put("clientContext", context(clientContext))));
  }

  /** Takes a participant off hold music, back into the call's audio. */
  public CommsOperation stopHoldMusic(String callId, String participantId, String clientContext)
      throws GraphException {
    return operation(
        graph.post(
            call(callId) + "/participants/" + encode(participantId) + "/stopHoldMusic",
            JSON.createObjectNode().put("clientContext", context(clientContext))));
  }

  /** Removes a participant from the call. */
  public void removeParticipant(String callId, String participantId) throws GraphException {
    graph.delete(call(callId) + "/participants/" + encode(participantId));
  }

  /** Hangs the bot up. */
  public void hangUp(String callId) throws GraphException {
    graph.delete(call(callId));
  }

  /** The call as Graph reports it now. */
  public JsonNode get(String callId) throws GraphException {
    return graph.get(call(callId)).body();
  }

  /**
   * Places an outbound call as the resource account {@code applicationInstanceId} (callbacks,
   * outbound to agents); returns the new call's id.
   */
  public String createFromApplicationInstance(
      String tenantId, String applicationInstanceId, GraphTarget target, URI callbackUri)
      throws GraphException {
    return createCall(tenantId, applicationInstanceId, target, callbackUri);
  }

  /**
   * Places an outbound call as the resource account {@code applicationInstanceId}, or as the bot
   * itself when it is null (Teams users only: PSTN needs a resource account); returns its id.
   */
  public String createCall(
      String tenantId, @Nullable String applicationInstanceId, GraphTarget target, URI callbackUri)
      throws GraphException {
    ObjectNode body = JSON.createObjectNode();
    body.put("@odata.type", "#microsoft.graph.call");
    body.put("callbackUri", callbackUri.toString());
    if (applicationInstanceId != null) {
      ObjectNode source = body.putObject("source");
      source.put("@odata.type", "#microsoft.graph.participantInfo");
      ObjectNode identity = source.putObject("identity");
      identity.put("@odata.type", "#microsoft.graph.identitySet");
      identity.putObject("applicationInstance").put("id", applicationInstanceId);
    }
    invitation(body.putArray("targets").addObject(), target, null);
    body.putArray("requestedModalities").add("audio");
    body.putObject("mediaConfig").put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig");
    body.put("tenantId", tenantId);
    return graph.post("/communications/calls", body).body().path("id").asString();
  }

  private static void invitation(ObjectNode into, GraphTarget target, @Nullable String replaces) {
    into.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
    target.writeIdentity(into.putObject("identity"));
    if (replaces != null) {
      into.put("replacesCallId", replaces);
    }
  }

  private static void mediaInfo(ObjectNode into, URI uri) {
    into.put("@odata.type", "#microsoft.graph.mediaInfo");
    into.put("uri", uri.toString());
    into.put(
        "resourceId",
        java.util
            .UUID
            .nameUUIDFromBytes(uri.toString().getBytes(StandardCharsets.UTF_8))
            .toString());
  }

  private static CommsOperation operation(GraphResponse response) {
    JsonNode body = response.body();
    return new CommsOperation(
        body.path("id").asString(""),
        CommsOperation.Status.parse(body.path("status").asString("")),
        body.hasNonNull("clientContext") ? body.path("clientContext").asString() : null,
        body.hasNonNull("resultInfo") ? ResultInfo.from(body.path("resultInfo")) : null,
        body.hasNonNull("recordingLocation") ? body.path("recordingLocation").asString() : null,
        body.hasNonNull("recordingAccessToken")
            ? body.path("recordingAccessToken").asString()
            : null);
  }

  private static String context(String clientContext) {
    if (clientContext.length() > 256) {
      throw new IllegalArgumentException("clientContext is at most 256 characters");
    }
    return clientContext;
  }

  private static String call(String callId) {
    return "/communications/calls/" + encode(callId);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
