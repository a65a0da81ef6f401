package io.tandem.server.voicemail;

import io.tandem.core.voicemail.IllegalVoicemailTransition;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.core.voicemail.VoicemailMessageId;
import io.tandem.core.voicemail.VoicemailPage;
import io.tandem.core.voicemail.VoicemailState;
import io.tandem.core.voicemail.VoicemailStore;
import io.tandem.server.api.Actor;
import io.tandem.server.api.ApiException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's voicemail: list (newest first, by {@code mailbox} and {@code state}, paged), read one
 * message, fetch its audio ({@code audio/wav}), mark it heard, delete it. Another tenant's message
 * or a malformed id is 404 like an unknown one; a bad filter or page 400; hearing or deleting a
 * deleted message 409.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/voicemail")
class VoicemailController {

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailController.class);
  static final int DEFAULT_LIMIT = 50;

  /** One page of messages; {@code total} counts every match. */
  record Listing(List<VoicemailResource> messages, int offset, int limit, long total) {}

  private final VoicemailStore voicemails;
  private final Clock clock;

  VoicemailController(VoicemailStore voicemails, Clock clock) {
    this.voicemails = voicemails;
    this.clock = clock;
  }

  @GetMapping
  Listing list(
      Actor actor,
      @RequestParam(required = false) @Nullable String mailbox,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable Integer offset,
      @RequestParam(required = false) @Nullable Integer limit) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (from < 0) {
      throw ApiException.invalid("offset", "'offset' must not be negative");
    }
    if (size < 1 || size > VoicemailStore.MAX_PAGE) {
      throw ApiException.invalid("limit", "'limit' must be 1-" + VoicemailStore.MAX_PAGE);
    }
    if (mailbox != null && mailbox.isBlank()) {
      throw ApiException.invalid("mailbox", "'mailbox' must not be blank");
    }
    VoicemailPage page = voicemails.list(actor.tenantId(), mailbox, state(state), from, size);
    return new Listing(
        page.messages().stream().map(VoicemailResource::of).toList(),
        page.offset(),
        page.limit(),
        page.total());
  }

  @GetMapping("/{id}")
  VoicemailResource get(Actor actor, @PathVariable("id") String id) {
    return VoicemailResource.of(found(voicemails.find(actor.tenantId(), parse(id)), id));
  }

  /** The message's WAV file; 404 once deleted. */
  @GetMapping("/{id}/audio")
  ResponseEntity<byte[]> audio(Actor actor, @PathVariable("id") String id) {
    byte[] wav = found(voicemails.audio(actor.tenantId(), parse(id)), id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(VoicemailAudio.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".wav\"")
        .body(wav);
  }

  @PostMapping("/{id}/heard")
  VoicemailResource heard(Actor actor, @PathVariable("id") String id) {
    try {
      return VoicemailResource.of(
          found(voicemails.markHeard(actor.tenantId(), parse(id), clock.instant()), id));
    } catch (IllegalVoicemailTransition refused) {
      throw ApiException.conflict(refused.getMessage());
    }
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable("id") String id) {
    try {
      found(voicemails.delete(actor.tenantId(), parse(id), clock.instant()), id);
    } catch (IllegalVoicemailTransition refused) {
      throw ApiException.conflict(refused.getMessage());
    }
    LOG.info("{} deleted voicemail {} of tenant {}", actor.principal(), id, actor.tenantId());
    return ResponseEntity.noContent().build();
  }

  private static @Nullable VoicemailState state(@Nullable String state) {
    if (state == null) {
      return null;
    }
    try {
      return VoicemailState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "state",
          "'state' must be one of "
              + Arrays.toString(VoicemailState.values()).toLowerCase(Locale.ROOT));
    }
  }

  private static VoicemailMessageId parse(String id) {
    if (!VoicemailMessageId.isValid(id)) {
      throw notFound(id);
    }
    return new VoicemailMessageId(id);
  }

  private static <T> T found(Optional<T> value, String id) {
    return value.orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("no voicemail message '" + id + "'");
  }
}
