package io.tandem.emulator.graph.calls;

import org.jspecify.annotations.Nullable;

/**
 * Whom an {@code invitationParticipantInfo} names: a Teams user by object id, a phone number, or an
 * application instance, with the consultative-transfer {@code replacesCallId} if any.
 */
record Target(Kind kind, String id, @Nullable String displayName, @Nullable String replacesCallId) {

  enum Kind {
    USER,
    PHONE,
    APPLICATION_INSTANCE
  }
}
