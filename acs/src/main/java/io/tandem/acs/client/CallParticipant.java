package io.tandem.acs.client;

/** A participant of a call, as ACS lists it. */
public record CallParticipant(Identifier identifier, boolean muted, boolean onHold) {}
