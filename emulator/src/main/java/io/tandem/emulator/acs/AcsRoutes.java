package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.RouteHandler;
import io.tandem.emulator.journal.Channel;
import java.util.Set;

/**
 * Every Call Automation route, in one place: each request is authenticated (HMAC or Entra), its
 * {@code api-version} checked, then answered by the handler; the operations that accept
 * repeatability headers go through {@link Repeatability}.
 */
final class AcsRoutes {

  /** The Call Automation version the emulator implements. */
  static final String CALLING_API_VERSION = "2025-05-15";

  /** Stable Call Automation versions accepted; they share the 2025-05-15 behaviour. */
  static final Set<String> CALLING_API_VERSIONS =
      Set.of("2023-03-06", "2023-10-15", "2024-04-15", "2024-09-15", CALLING_API_VERSION);

  private static final String CONNECTIONS = "/calling/callConnections";
  private static final String CONNECTION = CONNECTIONS + "/{callConnectionId}";
  private static final String PARTICIPANTS = CONNECTION + "/participants";

  private final RequestAuthentication authentication;
  private final Repeatability repeatability;
  private final IncomingCallRoutes incoming;
  private final CreateCallRoutes create;
  private final ConnectRoutes connect;
  private final CallConnectionRoutes connections;
  private final TransferRoutes transfer;
  private final ParticipantRoutes participants;
  private final MediaRoutes media;
  private final RecordingRoutes recordings;
  private final TeamsExtensionAssignments assignments;

  AcsRoutes(
      RequestAuthentication authentication,
      Repeatability repeatability,
      IncomingCallRoutes incoming,
      CreateCallRoutes create,
      ConnectRoutes connect,
      CallConnectionRoutes connections,
      TransferRoutes transfer,
      ParticipantRoutes participants,
      MediaRoutes media,
      RecordingRoutes recordings,
      TeamsExtensionAssignments assignments) {
    this.authentication = authentication;
    this.repeatability = repeatability;
    this.incoming = incoming;
    this.create = create;
    this.connect = connect;
    this.connections = connections;
    this.transfer = transfer;
    this.participants = participants;
    this.media = media;
    this.recordings = recordings;
    this.assignments = assignments;
  }

  void register(HttpRoutes routes) {
    calling(routes, "POST", CONNECTIONS + ":answer", repeatable(incoming::answer));
    calling(routes, "POST", CONNECTIONS + ":reject", repeatable(incoming::reject));
    calling(routes, "POST", CONNECTIONS + ":redirect", repeatable(incoming::redirect));
    calling(routes, "POST", CONNECTIONS + ":connect", repeatable(connect::connect));
    calling(routes, "POST", CONNECTIONS, repeatable(create::create));
    calling(routes, "POST", CONNECTION + ":terminate", repeatable(connections::terminate));
    calling(routes, "POST", CONNECTION + ":transferToParticipant", repeatable(transfer::transfer));
    calling(routes, "POST", CONNECTION + ":play", media::play);
    calling(routes, "POST", CONNECTION + ":recognize", media::recognize);
    calling(
        routes, "POST", CONNECTION + ":startContinuousDtmfRecognition", media::startContinuousDtmf);
    calling(
        routes, "POST", CONNECTION + ":stopContinuousDtmfRecognition", media::stopContinuousDtmf);
    calling(routes, "POST", CONNECTION + ":sendDtmfTones", repeatable(media::sendDtmfTones));
    calling(
        routes, "POST", CONNECTION + ":cancelAllMediaOperations", media::cancelAllMediaOperations);
    calling(routes, "POST", CONNECTION + ":hold", media::hold);
    calling(routes, "POST", CONNECTION + ":unhold", media::unhold);
    calling(routes, "POST", CONNECTION + ":startMediaStreaming", media::startMediaStreaming);
    calling(routes, "POST", CONNECTION + ":stopMediaStreaming", media::stopMediaStreaming);
    calling(routes, "POST", CONNECTION + ":startTranscription", media::startTranscription);
    calling(routes, "POST", CONNECTION + ":stopTranscription", media::stopTranscription);
    calling(routes, "POST", CONNECTION + ":updateTranscription", media::updateTranscription);
    calling(routes, "POST", PARTICIPANTS + ":add", repeatable(participants::add));
    calling(routes, "POST", PARTICIPANTS + ":remove", repeatable(participants::remove));
    calling(routes, "POST", PARTICIPANTS + ":mute", repeatable(participants::mute));
    calling(
        routes,
        "POST",
        PARTICIPANTS + ":cancelAddParticipant",
        repeatable(participants::cancelAdd));
    calling(routes, "GET", PARTICIPANTS + "/{participantRawId}", participants::get);
    calling(routes, "GET", PARTICIPANTS, participants::list);
    calling(routes, "GET", CONNECTION, connections::get);
    calling(routes, "DELETE", CONNECTION, connections::hangUp);
    calling(routes, "POST", "/calling/recordings", repeatable(recordings::start));
    calling(routes, "POST", "/calling/recordings/{recordingId}:pause", recordings::pause);
    calling(routes, "POST", "/calling/recordings/{recordingId}:resume", recordings::resume);
    calling(routes, "GET", "/calling/recordings/{recordingId}", recordings::get);
    calling(routes, "DELETE", "/calling/recordings/{recordingId}", recordings::stop);
    storage(
        routes,
        "GET",
        RecordingFiles.OBJECTS + "{documentId}/content/audio",
        recordings.files()::download);
    storage(routes, "DELETE", RecordingFiles.OBJECTS + "{documentId}", recordings.files()::delete);
    String assignment = "/access/teamsExtension/tenants/{tenantId}/assignments/{objectId}";
    access(routes, "PUT", assignment, assignments::put);
    access(routes, "GET", assignment, assignments::get);
    access(routes, "DELETE", assignment, assignments::delete);
  }

  private AcsHandler repeatable(AcsHandler handler) {
    return repeatability.around(handler);
  }

  private void calling(HttpRoutes routes, String method, String pattern, AcsHandler handler) {
    routes.add(Channel.ACS, method, pattern, guarded(CALLING_API_VERSIONS, handler));
  }

  /** Recording storage: authenticated as Call Automation, without an {@code api-version}. */
  private void storage(HttpRoutes routes, String method, String pattern, AcsHandler handler) {
    routes.add(
        Channel.ACS,
        method,
        pattern,
        call -> handler.handle(new AcsRequest(call, authentication.authenticate(call))));
  }

  private void access(HttpRoutes routes, String method, String pattern, AcsHandler handler) {
    routes.add(
        Channel.ACS,
        method,
        pattern,
        guarded(Set.of(TeamsExtensionAssignments.API_VERSION), handler));
  }

  private RouteHandler guarded(Set<String> versions, AcsHandler handler) {
    return call -> {
      var resource = authentication.authenticate(call);
      checkApiVersion(call, versions);
      HttpReply reply = handler.handle(new AcsRequest(call, resource));
      return reply;
    };
  }

  /** Missing or unsupported {@code api-version}: 400 as ASP.NET API versioning words it. */
  private static void checkApiVersion(HttpCall call, Set<String> versions) {
    String version = call.query().get("api-version");
    if (version == null || version.isBlank()) {
      throw AcsErrors.of(
          400, "ApiVersionUnspecified", "An API version is required, but was not specified.");
    }
    if (!versions.contains(version)) {
      throw AcsErrors.of(
          400,
          "UnsupportedApiVersion",
          "The HTTP resource that matches the request URI '"
              + call.path()
              + "' does not support the API version '"
              + version
              + "'.");
    }
  }
}
