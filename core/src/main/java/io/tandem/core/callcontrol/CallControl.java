package io.tandem.core.callcontrol;

import io.tandem.core.interaction.InteractionId;
import java.util.concurrent.CompletionStage;

/**
 * A channel's control of the calls it carries, for one tenant. A request is checked against the
 * call's state and accepted or refused; the work on the wire goes on after that, and its outcome
 * reaches the tenant as the interaction's events ({@code Held}, {@code ConsultStarted}, {@code
 * TransferStarted}, {@code TransferFailed}, {@code Disconnected}…).
 */
public interface CallControl {

  /** Whether {@code interaction} is a live call of this channel. */
  boolean carries(InteractionId interaction);

  /**
   * Asks for {@code action} on the call of {@code interaction}. The stage completes when the
   * channel accepted the action (its wire work may still run), or exceptionally with {@link
   * CallActionRefused} when it was refused with nothing changed.
   */
  CompletionStage<Void> request(InteractionId interaction, CallAction action);
}
