package io.tandem.acs.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request bodies of Call Automation 2025-05-15 (MICROSOFT-CONTRACTS §3.1), from the records.
 */
final class WireRequests {

  private WireRequests() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** {@code {"operationContext": …}} or {@code {}}. */
  static ObjectNode withContext(@Nullable String operationContext) {
    return putIfSet(object(), "operationContext", operationContext);
  }

  static ObjectNode answer(AnswerCall request) {
    ObjectNode body = object();
    body.put("incomingCallContext", request.incomingCallContext());
    body.put("callbackUri", request.callbackUri().toString());
    putIfSet(body, "operationContext", request.operationContext());
    if (request.transcription() != null) {
      body.set("transcriptionOptions", transcription(request.transcription()));
    }
    if (request.mediaStreaming() != null) {
      body.set("mediaStreamingOptions", mediaStreaming(request.mediaStreaming()));
    }
    return body;
  }

  static ObjectNode create(CreateCall request) {
    ObjectNode body = object();
    ArrayNode targets = body.putArray("targets");
    request.targets().forEach(target -> targets.add(target.toJson()));
    body.put("callbackUri", request.callbackUri().toString());
    if (request.sourceCallerIdNumber() != null) {
      body.putObject("sourceCallerIdNumber").put("value", request.sourceCallerIdNumber());
    }
    if (request.teamsAppSource() != null) {
      body.set("teamsAppSource", new Identifier.TeamsApp(request.teamsAppSource()).toJson());
    }
    return putIfSet(body, "operationContext", request.operationContext());
  }

  static ObjectNode transfer(Transfer request) {
    ObjectNode body = object();
    body.set("targetParticipant", request.target().toJson());
    if (request.transferee() != null) {
      body.set("transferee", request.transferee().toJson());
    }
    if (request.sourceCallerIdNumber() != null) {
      body.putObject("sourceCallerIdNumber").put("value", request.sourceCallerIdNumber());
    }
    if (request.context() != null) {
      body.set("customCallingContext", context(request.context()));
    }
    return putIfSet(body, "operationContext", request.operationContext());
  }

  static ObjectNode play(Play request) {
    ObjectNode body = object();
    body.set("playSources", sources(request.sources()));
    if (request.playTo() != null) {
      ArrayNode to = body.putArray("playTo");
      request.playTo().forEach(who -> to.add(who.toJson()));
    }
    body.put("interruptCallMediaOperation", request.interrupt());
    body.putObject("playOptions").put("loop", request.loop());
    return putIfSet(body, "operationContext", request.operationContext());
  }

  static ObjectNode recognize(Recognize request) {
    ObjectNode body = object();
    body.put("recognizeInputType", request.inputType().wire());
    if (!request.prompts().isEmpty()) {
      body.set("playPrompts", sources(request.prompts()));
    }
    body.put("interruptCallMediaOperation", request.interruptCallMediaOperation());
    ObjectNode options = body.putObject("recognizeOptions");
    options.put("interruptPrompt", request.interruptPrompt());
    options.put("initialSilenceTimeoutInSeconds", request.initialSilenceTimeout().toSeconds());
    options.set("targetParticipant", request.targetParticipant().toJson());
    putIfSet(options, "speechLanguage", request.speechLanguage());
    DtmfOptions dtmf = request.dtmf();
    if (dtmf != null) {
      ObjectNode json = options.putObject("dtmfOptions");
      json.put("interToneTimeoutInSeconds", dtmf.interToneTimeout().toSeconds());
      json.put("maxTonesToCollect", dtmf.maxTones());
      json.set("stopTones", tones(dtmf.stopTones()));
    }
    if (!request.choices().isEmpty()) {
      ArrayNode choices = options.putArray("choices");
      for (Choice choice : request.choices()) {
        ObjectNode json = choices.addObject().put("label", choice.label());
        ArrayNode phrases = json.putArray("phrases");
        choice.phrases().forEach(phrases::add);
        if (choice.tone() != null) {
          json.put("tone", choice.tone().wire());
        }
      }
    }
    return putIfSet(body, "operationContext", request.operationContext());
  }

  static ObjectNode addParticipant(AddParticipant request) {
    ObjectNode body = object();
    body.set("participantToAdd", request.participant().toJson());
    body.put("invitationTimeoutInSeconds", request.invitationTimeout().toSeconds());
    if (request.sourceCallerIdNumber() != null) {
      body.putObject("sourceCallerIdNumber").put("value", request.sourceCallerIdNumber());
    }
    putIfSet(body, "sourceDisplayName", request.sourceDisplayName());
    if (request.context() != null) {
      body.set("customCallingContext", context(request.context()));
    }
    return putIfSet(body, "operationContext", request.operationContext());
  }

  static ObjectNode startRecording(String callConnectionId, StartRecording request) {
    ObjectNode body = object();
    body.put("callConnectionId", callConnectionId);
    if (request.stateCallbackUri() != null) {
      body.put("recordingStateCallbackUri", request.stateCallbackUri().toString());
    }
    body.put("recordingContentType", request.content());
    body.put("recordingChannelType", request.channel());
    body.put("recordingFormatType", request.format());
    body.put("pauseOnStart", request.pauseOnStart());
    return body;
  }

  /** {@code {"targetParticipant": …, "operationContext": …}}. */
  static ObjectNode targeted(Identifier target, @Nullable String operationContext) {
    ObjectNode body = object();
    body.set("targetParticipant", target.toJson());
    return putIfSet(body, "operationContext", operationContext);
  }

  static ArrayNode tones(List<Tone> tones) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    tones.forEach(tone -> array.add(tone.wire()));
    return array;
  }

  static ObjectNode source(PlaySource source) {
    ObjectNode json = object();
    switch (source) {
      case PlaySource.File file -> {
        json.put("kind", "file");
        json.putObject("file").put("uri", file.uri().toString());
        putIfSet(json, "playSourceCacheId", file.cacheId());
      }
      case PlaySource.Text text -> {
        json.put("kind", "text");
        ObjectNode member = json.putObject("text").put("text", text.text());
        putIfSet(member, "sourceLocale", text.locale());
        putIfSet(member, "voiceName", text.voiceName());
      }
      case PlaySource.Ssml ssml -> {
        json.put("kind", "ssml");
        json.putObject("ssml").put("ssmlText", ssml.ssml());
      }
    }
    return json;
  }

  private static ArrayNode sources(List<PlaySource> sources) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    sources.forEach(source -> array.add(source(source)));
    return array;
  }

  private static ObjectNode transcription(TranscriptionOptions options) {
    return object()
        .put("transportType", "websocket")
        .put("transportUrl", options.transportUrl().toString())
        .put("locale", options.locale())
        .put("startTranscription", options.startTranscription())
        .put("enableIntermediateResults", options.enableIntermediateResults());
  }

  private static ObjectNode mediaStreaming(MediaStreamingOptions options) {
    return object()
        .put("transportType", "websocket")
        .put("transportUrl", options.transportUrl().toString())
        .put("contentType", "audio")
        .put("audioChannelType", options.audioChannelType())
        .put("startMediaStreaming", options.startMediaStreaming())
        .put("enableBidirectional", options.enableBidirectional())
        .put("audioFormat", options.audioFormat());
  }

  private static ObjectNode context(CustomCallingContext context) {
    ObjectNode json = object();
    ObjectNode sip = json.putObject("sipHeaders");
    for (Map.Entry<String, String> header : context.sipHeaders().entrySet()) {
      sip.put(header.getKey(), header.getValue());
    }
    ObjectNode voip = json.putObject("voipHeaders");
    for (Map.Entry<String, String> header : context.voipHeaders().entrySet()) {
      voip.put(header.getKey(), header.getValue());
    }
    return json;
  }

  private static ObjectNode putIfSet(ObjectNode json, String field, @Nullable String value) {
    if (value != null) {
      json.put(field, value);
    }
    return json;
  }
}
