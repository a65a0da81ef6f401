package io.tandem.acs.events;

/** One participant in a roster update. */
public record Participant(String rawId, boolean muted, boolean onHold) {}
