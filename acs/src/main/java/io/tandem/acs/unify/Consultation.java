package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.AddParticipant;
import io.tandem.acs.client.AddedParticipant;
import io.tandem.acs.client.Identifier;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The party an agent consults, invited into the caller's call with {@code participants:add}: who it
 * is, the invitation while it rings, and taking them out again (cancel while ringing, remove once
 * joined, remove a late joiner). Confined to the call's lane.
 */
final class Consultation {

  static final String CONTEXT = AgentTalk.CONTEXT + "consult-";
  private static final System.Logger LOG = System.getLogger(Consultation.class.getName());
  private static final Duration RINGS = Duration.ofSeconds(60);

  private final CallerConnection call;
  private final UnifyContext context;
  private @Nullable CallTarget target;
  private @Nullable String invitation;
  private int sequence;

  Consultation(CallerConnection call, UnifyContext context) {
    this.call = call;
    this.context = context;
  }

  /** Who is consulted now (ringing or joined), or null. */
  @Nullable CallTarget target() {
    return target;
  }

  /**
   * Invites {@code who} into the call; a number sees the caller's number as caller id.
   *
   * @throws CallActionRefused UNSUPPORTED for a number when the caller has no number to show
   */
  void invite(CallTarget who) throws AcsException {
    Identifier participant = identifier(who);
    String callerId = call.incoming().callerNumber();
    if (participant instanceof Identifier.Phone && callerId == null) {
      throw new CallActionRefused(
          CallActionRefused.Reason.UNSUPPORTED,
          "a number is consulted with the caller's number as caller id; this caller has none");
    }
    AddedParticipant added =
        context
            .acs()
            .addParticipant(
                call.connectionId(),
                new AddParticipant(
                    participant, RINGS, callerId, null, null, CONTEXT + (++sequence)));
    target = who;
    invitation = added.invitationId();
  }

  /** The consulted party answered: no invitation rings any more. */
  void joined() {
    invitation = null;
  }

  /** Whether the consulted party is in {@code roster}. */
  boolean isIn(CallRoster roster) {
    CallTarget who = target;
    return who != null && roster.contains(identifier(who).rawId());
  }

  /** Stops the ringing invitation, if any, and forgets the consulted party. */
  void cancel() throws AcsException {
    String ringing = invitation;
    forget();
    if (ringing != null) {
      context.acs().cancelAddParticipant(call.connectionId(), ringing, CONTEXT + "cancel");
    }
  }

  /** Takes the consulted party out of the call and forgets them. */
  void remove() throws AcsException {
    CallTarget who = target;
    forget();
    if (who != null) {
      context.acs().removeParticipant(call.connectionId(), identifier(who), CONTEXT + "remove");
    }
  }

  /** A consulted party who answered after the consultation was over is taken out again. */
  void removeLate(@Nullable String rawId) {
    if (rawId == null) {
      return;
    }
    try {
      context
          .acs()
          .removeParticipant(call.connectionId(), Identifier.fromRawId(rawId), CONTEXT + "late");
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "could not remove a late consulted party", refused);
    }
  }

  /** The consultation is over (the party left or never answered). */
  void forget() {
    target = null;
    invitation = null;
  }

  /** The ACS identifier of a person or number. */
  static Identifier identifier(CallTarget target) {
    return switch (target) {
      case CallTarget.PhoneNumber number -> new Identifier.Phone(number.e164());
      case CallTarget.TeamsUser user -> new Identifier.TeamsUser(user.objectId());
      case CallTarget.Queue queue ->
          throw new CallActionRefused(
              CallActionRefused.Reason.UNSUPPORTED, "a queue is no participant: " + queue.text());
    };
  }
}
