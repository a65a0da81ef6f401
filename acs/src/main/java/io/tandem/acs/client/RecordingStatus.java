package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;

/**
 * A recording as ACS reports it: its id, {@code active} or {@code inactive}, and its kind ({@code
 * AzureCommunicationServices}, {@code Teams}, {@code TeamsCompliance}).
 */
public record RecordingStatus(String recordingId, String state, @Nullable String kind) {}
