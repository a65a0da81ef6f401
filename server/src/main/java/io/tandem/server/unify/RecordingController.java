package io.tandem.server.unify;

import io.tandem.acs.unify.RecordingAction;
import io.tandem.core.interaction.InteractionId;
import io.tandem.server.api.Actor;
import io.tandem.server.api.ApiException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recording on demand for calls of the Unify channel: {@code start}, {@code pause} (e.g. while the
 * caller gives card details) and {@code resume}. The request is accepted (202) and carried out on
 * the call; ACS's answer shows on the interaction as {@code RecordingChanged}. An interaction that
 * is not a live Unify call of the tenant is 404; an unknown action is 400.
 */
@RestController
@ConditionalOnExpression(UnifyConfiguration.ENABLED)
class RecordingController {

  private final UnifyChannel channel;

  RecordingController(UnifyChannel channel) {
    this.channel = channel;
  }

  @PostMapping("/api/v1/tenants/{tenant}/interactions/{interaction}/recording/{action}")
  ResponseEntity<Void> recording(
      Actor actor, @PathVariable String interaction, @PathVariable String action) {
    RecordingAction wanted;
    try {
      wanted = RecordingAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ApiException.invalid("action", "the recording action is start, pause or resume");
    }
    InteractionId id = new InteractionId(interaction);
    boolean ours =
        actor.tenantId().equals(channel.tandemTenant())
            && channel.running().map(calls -> calls.recording(id, wanted)).orElse(false);
    if (!ours) {
      throw ApiException.notFound("interaction " + interaction + " is not a live Unify call");
    }
    return ResponseEntity.accepted().build();
  }
}
