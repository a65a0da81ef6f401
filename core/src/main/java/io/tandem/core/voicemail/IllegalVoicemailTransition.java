package io.tandem.core.voicemail;

/**
 * A voicemail message was asked to move where its state does not allow (e.g. hear a deleted one).
 */
public final class IllegalVoicemailTransition extends IllegalStateException {

  private final VoicemailState from;
  private final VoicemailState to;

  public IllegalVoicemailTransition(VoicemailMessageId id, VoicemailState from, VoicemailState to) {
    super("voicemail message " + id + " cannot move from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public VoicemailState from() {
    return from;
  }

  public VoicemailState to() {
    return to;
  }
}
