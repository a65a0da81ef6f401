package io.tandem.core.interaction;

import io.tandem.core.agent.AgentId;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Events in an interaction's life, one per state-machine transition. */
public sealed interface InteractionEvent extends TenantEvent {

  /** The interaction the event is about. */
  InteractionId interaction();

  /** A contact reached the tenant; {@code arrivalOrder} ranks it among all arrivals. */
  record Arrived(
      InteractionId interaction,
      Channel channel,
      String from,
      String to,
      Map<String, String> attributes,
      long arrivalOrder,
      Instant at)
      implements InteractionEvent {
    public Arrived {
      attributes = Map.copyOf(attributes);
    }
  }

  /** The entry flow (virtual assistant) started. */
  record VirtualAssistantStarted(InteractionId interaction, String flow, Instant at)
      implements InteractionEvent {}

  /** Attributes were added or replaced (by a flow, a lookup or an agent). */
  record AttributesChanged(InteractionId interaction, Map<String, String> attributes, Instant at)
      implements InteractionEvent {
    public AttributesChanged {
      attributes = Map.copyOf(attributes);
    }
  }

  /** The interaction's own priority, required skills or language changed. */
  record RequirementsChanged(
      InteractionId interaction,
      int priority,
      SkillExpression skills,
      @Nullable String language,
      Instant at)
      implements InteractionEvent {}

  /** The interaction joined a queue, optionally waiting first for a preferred agent. */
  record Queued(
      InteractionId interaction,
      QueueId queue,
      @Nullable AgentId preferredAgent,
      @Nullable Instant preferredUntil,
      Instant at)
      implements InteractionEvent {}

  /** The interaction reached a later skill stage of its queue. */
  record Escalated(InteractionId interaction, int stage, Instant at) implements InteractionEvent {}

  /** Waiting for the preferred agent ended; any eligible agent may take it now. */
  record PreferenceExpired(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The interaction was offered to an agent until {@code deadline} (a reservation). */
  record Offered(
      InteractionId interaction,
      ReservationId reservation,
      AgentId agent,
      Instant deadline,
      Instant at)
      implements InteractionEvent {}

  /** The agent did not answer before the deadline (RONA); the agent becomes not ready. */
  record OfferTimedOut(
      InteractionId interaction, ReservationId reservation, AgentId agent, Instant at)
      implements InteractionEvent {}

  /** The agent declined the offer; the agent becomes not ready. */
  record OfferDeclined(
      InteractionId interaction, ReservationId reservation, AgentId agent, Instant at)
      implements InteractionEvent {}

  /** The offer was taken back (another agent won, the caller left …); the agent is ready again. */
  record OfferWithdrawn(
      InteractionId interaction,
      ReservationId reservation,
      AgentId agent,
      String reason,
      Instant at)
      implements InteractionEvent {}

  /** The agent accepted and is now connected with the customer. */
  record Connected(InteractionId interaction, ReservationId reservation, AgentId agent, Instant at)
      implements InteractionEvent {}

  /** The agent put the customer on hold. */
  record Held(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The agent took the customer off hold (also ends a consult or a conference). */
  record Resumed(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The agent started a consultation with {@code target} while the customer holds. */
  record ConsultStarted(InteractionId interaction, String target, Instant at)
      implements InteractionEvent {}

  /** The customer, the agent and the consulted party are now in one conference. */
  record Conferenced(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The agent started transferring the customer to {@code target}. */
  record TransferStarted(InteractionId interaction, String target, Instant at)
      implements InteractionEvent {}

  /** The transfer failed; the agent has the customer back. */
  record TransferFailed(InteractionId interaction, String reason, Instant at)
      implements InteractionEvent {}

  /**
   * The transfer went to a queue; the transferring agent leaves the interaction (into wrap-up until
   * {@code wrapUpUntil}, or ready when that is {@code null}).
   */
  record TransferredToQueue(
      InteractionId interaction,
      QueueId queue,
      AgentId fromAgent,
      @Nullable Instant wrapUpUntil,
      Instant at)
      implements InteractionEvent {}

  /**
   * The customer's call ended while with an agent. With {@code wrapUpUntil} set, interaction and
   * agent enter wrap-up; otherwise the interaction ends and the agent is ready.
   */
  record Disconnected(
      InteractionId interaction,
      AgentId agent,
      DisconnectedBy by,
      @Nullable Instant wrapUpUntil,
      Instant at)
      implements InteractionEvent {}

  /** The agent finished wrap-up (or its time ran out, {@code automatic}). */
  record WrapUpCompleted(
      InteractionId interaction,
      AgentId agent,
      @Nullable String code,
      @Nullable String notes,
      boolean automatic,
      Instant at)
      implements InteractionEvent {}

  /** The caller hung up before reaching an agent. */
  record Abandoned(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The interaction left its queue by an overflow, no-agent or closed rule. */
  record Overflowed(
      InteractionId interaction, QueueId from, String reason, QueueAction action, Instant at)
      implements InteractionEvent {}

  /** The caller asked to be called back and keeps their place in {@code queue}. */
  record CallbackRequested(InteractionId interaction, QueueId queue, String number, Instant at)
      implements InteractionEvent {}

  /**
   * The agent answered the callback offer {@code reservation}; the channel now calls the customer
   * at {@code number} (attempt {@code attempt}, counted from 1). The agent is busy with it.
   */
  record CallbackDialling(
      InteractionId interaction,
      ReservationId reservation,
      AgentId agent,
      String number,
      int attempt,
      Instant at)
      implements InteractionEvent {}

  /** The customer answered the callback: agent and customer talk as on any call. */
  record CallbackAnswered(InteractionId interaction, AgentId agent, Instant at)
      implements InteractionEvent {}

  /**
   * The customer was not reached on attempt {@code attempt} ({@code reason}: {@code busy}, {@code
   * no-answer}, {@code declined}, {@code failed} …); the agent is ready again and the callback
   * waits unlisted until {@code retryAt}, or, when that is {@code null}, is given up (an {@link
   * Ended} with reason {@code callback-failed} follows).
   */
  record CallbackNotReached(
      InteractionId interaction,
      AgentId agent,
      String reason,
      int attempt,
      @Nullable Instant retryAt,
      Instant at)
      implements InteractionEvent {}

  /** The callback's retry time came: it waits for an agent again, at its old place. */
  record CallbackRetryDue(InteractionId interaction, Instant at) implements InteractionEvent {}

  /** The caller is leaving a voicemail. */
  record VoicemailStarted(InteractionId interaction, String mailbox, Instant at)
      implements InteractionEvent {}

  /**
   * The caller left the voicemail message {@code message} ({@code io.tandem.core.voicemail}), of
   * {@code duration}; the interaction ends {@code voicemail} next. Changes no state.
   */
  record VoicemailLeft(InteractionId interaction, String message, Duration duration, Instant at)
      implements InteractionEvent {}

  /** The interaction ended without (further) agent work: forwarded, hung up by a flow … */
  record Ended(InteractionId interaction, String reason, Instant at) implements InteractionEvent {}

  /** Something broke (a channel error, lost media); the interaction cannot go on. */
  record Failed(InteractionId interaction, String reason, Instant at) implements InteractionEvent {}

  /**
   * A final transcript segment of the interaction's call: who spoke ({@code customer}, {@code
   * agent} or a channel's participant id), what was said, where in the call (milliseconds from the
   * start of transcription) and how sure the recognizer was, in thousandths (0-1000). Changes no
   * state; may come after the interaction ended (late final segments).
   */
  record TranscriptAdded(
      InteractionId interaction,
      String speaker,
      String text,
      long offsetMillis,
      long durationMillis,
      int confidencePermille,
      Instant at)
      implements InteractionEvent {}

  /**
   * The recording {@code recordingId} of the interaction's call is now in {@code state} (one of
   * {@code io.tandem.core.insight.RecordingState}); {@code detail} says why, or is empty. Changes
   * no state.
   */
  record RecordingChanged(
      InteractionId interaction, String recordingId, String state, String detail, Instant at)
      implements InteractionEvent {}

  /**
   * A summary of the finished interaction: its text, key points, the caller's intents, the outcome,
   * the wrap-up code and which summarizer wrote it (e.g. {@code extractive}, {@code
   * openai:gpt-4o-mini}). Changes no state.
   */
  record Summarized(
      InteractionId interaction,
      String text,
      List<String> keyPoints,
      List<String> intents,
      String outcome,
      @Nullable String wrapUpCode,
      String summarizer,
      Instant at)
      implements InteractionEvent {
    public Summarized {
      keyPoints = List.copyOf(keyPoints);
      intents = List.copyOf(intents);
    }
  }
}
