package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.server.webhook.WebhookStatus.Move;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every cell of the webhook status table: each state × each move. */
class WebhookStatusTest {

  /** The expected state after each legal move; every other cell is illegal. */
  private static final Map<WebhookStatus, Map<Move, WebhookStatus>> EXPECTED =
      Map.of(
          WebhookStatus.ACTIVE,
          Map.of(Move.PAUSE, WebhookStatus.PAUSED, Move.FAIL, WebhookStatus.FAILED),
          WebhookStatus.PAUSED,
          Map.of(Move.RESUME, WebhookStatus.ACTIVE),
          WebhookStatus.FAILED,
          Map.of(Move.RESUME, WebhookStatus.ACTIVE, Move.PAUSE, WebhookStatus.PAUSED));

  @Test
  void everyStateAndMove_isLegalExactlyAsTheTableSays() {
    for (WebhookStatus state : WebhookStatus.values()) {
      for (Move move : Move.values()) {
        WebhookStatus expected = EXPECTED.get(state).get(move);
        if (expected != null) {
          assertThat(state.after(move)).as(state + " " + move).isEqualTo(expected);
        } else {
          assertThatThrownBy(() -> state.after(move))
              .as(state + " " + move)
              .isInstanceOf(IllegalStateException.class)
              .hasMessage("a webhook that is " + state + " cannot " + move);
        }
      }
    }
  }

  @Test
  void namedMoves_areTheTableMoves() {
    assertThat(WebhookStatus.ACTIVE.pause()).isEqualTo(WebhookStatus.PAUSED);
    assertThat(WebhookStatus.PAUSED.resume()).isEqualTo(WebhookStatus.ACTIVE);
    assertThat(WebhookStatus.ACTIVE.fail()).isEqualTo(WebhookStatus.FAILED);
  }
}
