package io.tandem.core.voicemail;

import io.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VoicemailStore} in memory, for tests, the simulator and a server without a database;
 * everything is lost when it goes. Thread-safe (one lock).
 */
public final class MemoryVoicemailStore implements VoicemailStore {

  private record Kept(VoicemailMessage message, byte @Nullable [] audio) {}

  private final Map<VoicemailMessageId, Kept> messages = new LinkedHashMap<>();

  @Override
  public synchronized void save(VoicemailMessage message, byte[] audio) {
    if (messages.containsKey(message.id())) {
      throw new IllegalArgumentException("voicemail message " + message.id() + " exists");
    }
    messages.put(message.id(), new Kept(message, audio.clone()));
  }

  @Override
  public synchronized VoicemailPage list(
      TenantId tenant,
      @Nullable String mailbox,
      @Nullable VoicemailState state,
      int offset,
      int limit) {
    VoicemailStore.requirePage(offset, limit);
    List<VoicemailMessage> matching =
        messages.values().stream()
            .map(Kept::message)
            .filter(m -> m.tenant().equals(tenant) && m.matches(mailbox, state))
            .sorted(
                Comparator.comparing(VoicemailMessage::recordedAt)
                    .thenComparing(m -> m.id().value())
                    .reversed())
            .toList();
    List<VoicemailMessage> page = matching.stream().skip(offset).limit(limit).toList();
    return new VoicemailPage(page, offset, limit, matching.size());
  }

  @Override
  public synchronized Optional<VoicemailMessage> find(TenantId tenant, VoicemailMessageId id) {
    return kept(tenant, id).map(Kept::message);
  }

  @Override
  public synchronized Optional<byte[]> audio(TenantId tenant, VoicemailMessageId id) {
    return kept(tenant, id).map(Kept::audio).map(byte[]::clone);
  }

  @Override
  public synchronized Optional<VoicemailMessage> markHeard(
      TenantId tenant, VoicemailMessageId id, Instant at) {
    return kept(tenant, id)
        .map(
            kept -> {
              VoicemailMessage heard = kept.message().heard(at);
              messages.put(id, new Kept(heard, kept.audio()));
              return heard;
            });
  }

  @Override
  public synchronized Optional<VoicemailMessage> delete(
      TenantId tenant, VoicemailMessageId id, Instant at) {
    return kept(tenant, id)
        .map(
            kept -> {
              VoicemailMessage deleted = kept.message().deleted(at);
              messages.put(id, new Kept(deleted, null));
              return deleted;
            });
  }

  private Optional<Kept> kept(TenantId tenant, VoicemailMessageId id) {
    Kept kept = messages.get(id);
    return kept != null && kept.message().tenant().equals(tenant)
        ? Optional.of(kept)
        : Optional.empty();
  }
}
