package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;

/**
 * ACS's reply to an add: who is being invited, the invitation id (to cancel it), and the operation
 * context echoed. The outcome arrives later as AddParticipantSucceeded/Failed.
 */
public record AddedParticipant(
    @Nullable Identifier participant,
    @Nullable String invitationId,
    @Nullable String operationContext) {}
