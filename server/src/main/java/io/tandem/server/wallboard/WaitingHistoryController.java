package io.tandem.server.wallboard;

import io.tandem.server.api.Actor;
import io.tandem.server.api.ApiException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waiting callers of the last minutes ({@code /statistics/waiting?minutes=60}), oldest first.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
class WaitingHistoryController {

  /**
   * The samples of the last {@code minutes}.
   *
   * @param minutes how far back the samples reach
   * @param periodSeconds how often samples are taken
   * @param samples oldest first; none for a tenant that has not been sampled yet
   */
  record WaitingResource(int minutes, long periodSeconds, List<WaitingSample> samples) {}

  private static final int DEFAULT_MINUTES = (int) WaitingHistory.SPAN.toMinutes();

  private final WaitingHistory history;

  WaitingHistoryController(WaitingHistory history) {
    this.history = history;
  }

  @GetMapping("/statistics/waiting")
  WaitingResource waiting(Actor actor, @RequestParam(required = false) @Nullable Integer minutes) {
    int span = minutes == null ? DEFAULT_MINUTES : minutes;
    if (span < 1 || span > DEFAULT_MINUTES) {
      throw ApiException.invalid("minutes", "'minutes' must be 1-" + DEFAULT_MINUTES);
    }
    return new WaitingResource(
        span,
        history.period().toSeconds(),
        history.last(actor.tenantId(), Duration.ofMinutes(span)));
  }
}
