package io.tandem.core.voicemail;

import io.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where voicemail messages and their audio are kept (a database in the server, memory in tests).
 * Every read and change names the tenant: another tenant's message is as absent as an unknown one.
 *
 * <p>Threading: implementations are thread-safe and may block.
 */
public interface VoicemailStore {

  /** The most messages one page holds. */
  int MAX_PAGE = 500;

  /** Keeps a new message with its audio (a WAV file). */
  void save(VoicemailMessage message, byte[] audio);

  /**
   * The tenant's messages, newest first, filtered by mailbox and state when given (without a state,
   * every message not deleted).
   *
   * @param limit 1 to {@link #MAX_PAGE}
   */
  VoicemailPage list(
      TenantId tenant,
      @Nullable String mailbox,
      @Nullable VoicemailState state,
      int offset,
      int limit);

  /** The message, deleted or not, if it is the tenant's. */
  Optional<VoicemailMessage> find(TenantId tenant, VoicemailMessageId id);

  /** The message's audio, unless it is unknown, another tenant's, or deleted. */
  Optional<byte[]> audio(TenantId tenant, VoicemailMessageId id);

  /**
   * Marks the message heard (one already heard stays as it was).
   *
   * @return the message as it is now, or empty if the tenant has no such message
   * @throws IllegalVoicemailTransition if it is deleted
   */
  Optional<VoicemailMessage> markHeard(TenantId tenant, VoicemailMessageId id, Instant at);

  /**
   * Deletes the message's audio and marks it deleted.
   *
   * @return the message as it is now, or empty if the tenant has no such message
   * @throws IllegalVoicemailTransition if it is deleted already
   */
  Optional<VoicemailMessage> delete(TenantId tenant, VoicemailMessageId id, Instant at);

  /** Checks the paging arguments every implementation takes. */
  static void requirePage(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "offset must be >= 0 and limit 1 to " + MAX_PAGE + ": " + offset + ", " + limit);
    }
  }
}
