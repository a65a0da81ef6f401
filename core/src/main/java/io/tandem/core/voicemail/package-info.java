/**
 * Voicemail: the messages callers leave in a mailbox when a flow or a queue sends them there, the
 * {@link io.tandem.core.voicemail.VoicemailStore} port that keeps them with their audio, and the
 * rule for the end of such a call ({@link io.tandem.core.voicemail.VoicemailIntake}): a recording
 * shorter than {@link io.tandem.core.voicemail.VoicemailLimits#minLength()} is no message, a longer
 * one is kept and named on the interaction's timeline ({@code InteractionEvent.VoicemailLeft}), and
 * either way the interaction ends {@code voicemail}.
 *
 * <p>Mailboxes are the names flows ({@code Voicemail} nodes) and queues ({@code ToVoicemail}) use;
 * they need no configuration of their own. A message moves {@code NEW → HEARD → DELETED} ({@link
 * io.tandem.core.voicemail.VoicemailState}); a deleted message keeps its record, not its audio.
 *
 * <p>Threading: values here are immutable. {@link io.tandem.core.voicemail.VoicemailStore}
 * implementations are thread-safe and may block (a database); so does {@link
 * io.tandem.core.voicemail.VoicemailIntake#take}, which channels call on their own call lanes,
 * never on a tenant's writer.
 */
@NullMarked
package io.tandem.core.voicemail;

import org.jspecify.annotations.NullMarked;
