package io.tandem.server.api;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.InteractionId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call control for the agent working an interaction: {@code hold}, {@code resume}, {@code consult},
 * {@code conference}, {@code transfer} and {@code hang-up} on the interaction's call, carried out
 * by the channel that carries it. The channel accepts (202) or refuses at once; what then happens
 * on the call shows as the interaction's events and state.
 *
 * <p>Refusals: an interaction that is no live call of a channel of this server is 404; an unknown
 * action, a missing or malformed target is 400; an action the call's state does not allow now is
 * 409; an action the channel does not carry out is 501.
 */
@RestController
class CallControlController {

  /**
   * The body of {@code consult} and {@code transfer}: {@code queue:<id>}, {@code +E.164}, {@code
   * teams:<oid>}.
   */
  record TargetBody(@Nullable String target) {}

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  private final ObjectProvider<CallControlSource> channels;

  CallControlController(ObjectProvider<CallControlSource> channels) {
    this.channels = channels;
  }

  @PostMapping("/api/v1/tenants/{tenant}/interactions/{interaction}/call/{action}")
  ResponseEntity<Void> act(
      Actor actor,
      @PathVariable String interaction,
      @PathVariable String action,
      @RequestBody(required = false) @Nullable TargetBody body) {
    CallAction wanted = action(action, body == null ? null : body.target());
    InteractionId id = Ids.parse("interaction", interaction, InteractionId::new);
    CallControl control =
        channels
            .orderedStream()
            .map(channel -> channel.callControl(actor.tenantId()))
            .flatMap(Optional::stream)
            .filter(candidate -> candidate.carries(id))
            .findFirst()
            .orElseThrow(
                () -> ApiException.notFound("interaction " + interaction + " is not a live call"));
    try {
      control
          .request(id, wanted)
          .toCompletableFuture()
          .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | CompletionException failed) {
      throw refusal(failed.getCause(), interaction);
    } catch (TimeoutException slow) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Channel busy",
          "the channel did not take the " + wanted.name() + " request within " + ANSWER_WITHIN,
          null);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
    return ResponseEntity.accepted().build();
  }

  static CallAction action(String action, @Nullable String target) {
    return switch (action) {
      case "hold" -> new CallAction.Hold();
      case "resume" -> new CallAction.Resume();
      case "conference" -> new CallAction.Conference();
      case "hang-up" -> new CallAction.HangUp();
      case "consult" -> {
        try {
          yield new CallAction.Consult(target(target, true));
        } catch (IllegalArgumentException invalid) {
          throw ApiException.invalid("target", invalid.getMessage());
        }
      }
      case "transfer" -> new CallAction.Transfer(target(target, false));
      default ->
          throw ApiException.invalid(
              "action",
              "the call action is hold, resume, consult, conference, transfer or hang-up, not '"
                  + action
                  + "'");
    };
  }

  private static @Nullable CallTarget target(@Nullable String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw ApiException.invalid("target", "a target is required");
      }
      return null;
    }
    try {
      return CallTarget.parse(text);
    } catch (IllegalArgumentException invalid) {
      throw ApiException.invalid("target", invalid.getMessage());
    }
  }

  private static RuntimeException refusal(@Nullable Throwable cause, String interaction) {
    if (cause instanceof CallActionRefused refused) {
      return switch (refused.reason()) {
        case NOT_LIVE ->
            ApiException.notFound("interaction " + interaction + " is not a live call");
        case NOT_NOW -> ApiException.conflict(refused.getMessage());
        case UNSUPPORTED ->
            new ApiException(
                HttpStatus.NOT_IMPLEMENTED, "Not carried out", refused.getMessage(), null);
      };
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(cause);
  }
}
