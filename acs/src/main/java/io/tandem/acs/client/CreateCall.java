package io.tandem.acs.client;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound call to {@code targets}. {@code sourceCallerIdNumber} (E.164) is the caller id a PSTN
 * target sees; {@code teamsAppSource} is a resource account's object id, to call out as that
 * resource account (Teams Phone extensibility).
 */
public record CreateCall(
    List<Identifier> targets,
    URI callbackUri,
    @Nullable String sourceCallerIdNumber,
    @Nullable String teamsAppSource,
    @Nullable String operationContext) {

  public CreateCall {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a call needs at least one target");
    }
    Requests.requireAbsolute(callbackUri, "callbackUri");
    if (teamsAppSource != null && teamsAppSource.isBlank()) {
      throw new IllegalArgumentException("teamsAppSource is blank");
    }
  }
}
