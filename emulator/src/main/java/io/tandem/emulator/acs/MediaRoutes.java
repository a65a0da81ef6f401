package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Play, recognize, continuous DTMF, send DTMF, hold and unhold, cancel all media operations; and
 * the streaming operations, which {@link CallStreams} carries out.
 */
final class MediaRoutes {

  /** How long sending one DTMF tone takes. */
  static final Duration TONE_TIME = Duration.ofMillis(250);

  private final Calls calls;
  private final CallStreams streams;
  private final Journal journal;

  MediaRoutes(Calls calls, CallStreams streams, Journal journal) {
    this.calls = calls;
    this.streams = streams;
    this.journal = journal;
  }

  HttpReply play(AcsRequest request) {
    AcsCall call = connected(request, "Play");
    RequestBody body = request.body();
    List<PlaySource> sources = body.array("playSources").stream().map(PlaySource::parse).toList();
    for (RequestBody target : body.optionalArray("playTo")) {
      requireParticipant(call, CommunicationIdentifier.parse(target), target.path(""));
    }
    RequestBody options = body.optionalObject("playOptions");
    boolean loop = options != null && options.bool("loop", false);
    PlayOperation play =
        new PlayOperation(
            call.media(),
            sources,
            loop,
            body.optionalText("operationContext"),
            body.optionalUri("operationCallbackUri"));
    call.media().enqueue(play, body.bool("interruptCallMediaOperation", false));
    return HttpReply.empty(202);
  }

  HttpReply recognize(AcsRequest request) {
    AcsCall call = connected(request, "Recognize");
    RequestBody body = request.body();
    RecognizeOptions options = RecognizeOptions.parse(body);
    requireParticipant(
        call,
        CommunicationIdentifier.fromRawId(options.targetRawId()),
        "recognizeOptions.targetParticipant");
    call.media()
        .enqueue(
            new RecognizeOperation(call.media(), options),
            body.bool("interruptCallMediaOperation", false));
    return HttpReply.empty(202);
  }

  HttpReply startContinuousDtmf(AcsRequest request) {
    AcsCall call = connected(request, "StartContinuousDtmfRecognition");
    RequestBody body = request.body();
    target(call, body);
    call.media()
        .startContinuousDtmf(
            body.optionalText("operationContext"), body.optionalUri("operationCallbackUri"));
    return HttpReply.empty(200);
  }

  HttpReply stopContinuousDtmf(AcsRequest request) {
    AcsCall call = connected(request, "StopContinuousDtmfRecognition");
    RequestBody body = request.body();
    target(call, body);
    call.media()
        .stopContinuousDtmf(
            body.optionalText("operationContext"), body.optionalUri("operationCallbackUri"));
    return HttpReply.empty(200);
  }

  HttpReply sendDtmfTones(AcsRequest request) {
    AcsCall call = connected(request, "SendDtmfTones");
    RequestBody body = request.body();
    List<String> tones = body.texts("tones");
    if (tones.isEmpty()) {
      throw AcsErrors.badRequest("tones", "The tones field is required.");
    }
    for (String tone : tones) {
      if (!Tones.isName(tone)) {
        throw AcsErrors.badRequest("tones", "The tone " + tone + " is not a tone name.");
      }
    }
    CommunicationIdentifier target = target(call, body);
    String context = body.optionalText("operationContext");
    URI callback = body.optionalUri("operationCallbackUri");
    journal.event(
        Channel.ACS,
        "dtmf.sent",
        call.id(),
        Map.of("to", target.rawId(), "tones", String.join(",", tones)));
    call.later(
        TONE_TIME.multipliedBy(tones.size()),
        () ->
            call.emit(
                "SendDtmfTonesCompleted", callback, context, ResultInformation.OK, data -> {}));
    return HttpReply.json(202, operationContext(context));
  }

  HttpReply hold(AcsRequest request) {
    return holding(request, true);
  }

  HttpReply unhold(AcsRequest request) {
    return holding(request, false);
  }

  private HttpReply holding(AcsRequest request, boolean hold) {
    AcsCall call = connected(request, hold ? "Hold" : "Unhold");
    RequestBody body = request.body();
    CommunicationIdentifier target = target(call, body);
    if (hold) {
      RequestBody music = body.optionalObject("playSourceInfo");
      if (music != null) {
        PlaySource.parse(music);
      }
    }
    call.roster().change(target.rawId(), participant -> participant.onHold(hold));
    journal.event(
        Channel.ACS,
        hold ? "participant.held" : "participant.unheld",
        call.id(),
        Map.of("participant", target.rawId()));
    call.participantsUpdated();
    return HttpReply.empty(200);
  }

  HttpReply cancelAllMediaOperations(AcsRequest request) {
    AcsCall call = connected(request, "CancelAllMediaOperations");
    call.media().cancelAll();
    return HttpReply.json(202, operationContext(request.body().optionalText("operationContext")));
  }

  HttpReply startMediaStreaming(AcsRequest request) {
    return streams.startMediaStreaming(connected(request, "StartMediaStreaming"), request.body());
  }

  HttpReply stopMediaStreaming(AcsRequest request) {
    return streams.stopMediaStreaming(connected(request, "StopMediaStreaming"), request.body());
  }

  HttpReply startTranscription(AcsRequest request) {
    return streams.startTranscription(connected(request, "StartTranscription"), request.body());
  }

  HttpReply stopTranscription(AcsRequest request) {
    return streams.stopTranscription(connected(request, "StopTranscription"), request.body());
  }

  HttpReply updateTranscription(AcsRequest request) {
    return streams.updateTranscription(connected(request, "UpdateTranscription"), request.body());
  }

  private AcsCall connected(AcsRequest request, String action) {
    AcsCall call = calls.connection(request, request.variable("callConnectionId"));
    call.requireConnected(action);
    return call;
  }

  private static CommunicationIdentifier target(AcsCall call, RequestBody body) {
    CommunicationIdentifier target =
        CommunicationIdentifier.parse(body.object("targetParticipant"));
    requireParticipant(call, target, "targetParticipant");
    return target;
  }

  static void requireParticipant(AcsCall call, CommunicationIdentifier who, String field) {
    if (call.roster().participant(who.rawId()).isEmpty()) {
      List<String> present = new ArrayList<>();
      call.roster().participants().forEach(p -> present.add(p.identifier().rawId()));
      throw AcsErrors.badRequest(
          field.replaceAll("\\.$", ""),
          "The participant "
              + who.rawId()
              + " is not in the call (participants: "
              + present
              + ").");
    }
  }

  static tools.jackson.databind.node.ObjectNode operationContext(
      @org.jspecify.annotations.Nullable String context) {
    var json = Json.object();
    if (context != null) {
      json.put("operationContext", context);
    }
    return json;
  }
}
