package io.tandem.acs.unify;

import io.tandem.acs.client.AnswerCall;
import io.tandem.acs.client.TranscriptionOptions;
import io.tandem.acs.events.IncomingCall;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * How an answered call arrives in the tenant: who called ({@code +E164}, else the raw id), which
 * resource account, and the attributes that tie the interaction to its call connection (the model,
 * the connection and correlation ids, and the SBC's custom SIP headers as {@code sip.*}).
 */
record Arrival(String from, String to, Map<String, String> attributes) {

  Arrival {
    attributes = Map.copyOf(attributes);
  }

  /** The answer of {@code incoming}: the callback URI, and live transcription if configured. */
  static AnswerCall answer(UnifySettings settings, IncomingCall incoming) {
    UnifySettings.Transcription transcription = settings.transcription();
    return new AnswerCall(
        incoming.incomingCallContext(),
        settings.callbackUri(),
        "answer",
        transcription == null
            ? null
            : new TranscriptionOptions(
                transcription.transportUrl(), transcription.locale(), true, false),
        null);
  }

  /** The call arrives in the tenant as a new interaction, bound to {@code call}'s connection. */
  CompletableFuture<InteractionId> enter(UnifyContext context, CallerConnection call) {
    return context
        .tenant()
        .ask(
            tenant -> {
              InteractionId id = tenant.arrive(null, Channel.VOICE, from, to, attributes);
              context.registry().bind(id, call);
              return id;
            });
  }

  static Arrival of(IncomingCall incoming, @Nullable String connectionId) {
    String from = incoming.callerNumber() != null ? incoming.callerNumber() : incoming.fromRawId();
    String to =
        incoming.resourceAccountId() != null ? incoming.resourceAccountId() : incoming.toRawId();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(UnifyCalls.MODEL_ATTRIBUTE, UnifyCalls.UNIFY_MODEL);
    if (connectionId != null) {
      attributes.put(UnifyCalls.CONNECTION_ATTRIBUTE, connectionId);
    }
    if (incoming.correlationId() != null) {
      attributes.put(UnifyCalls.CORRELATION_ATTRIBUTE, incoming.correlationId());
    }
    incoming.sipHeaders().forEach((name, value) -> attributes.put("sip." + name, value));
    return new Arrival(from, to, attributes);
  }
}
