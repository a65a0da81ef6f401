package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exponential backoff with equal jitter, computed (no waiting). */
class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), new Random(42));

  @Test
  void ceiling_doublesFromTheInitial_upToTheMax() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.ceiling(10)).isEqualTo(Duration.ofSeconds(512));
    assertThat(backoff.ceiling(11)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void delay_liesBetweenHalfTheCeilingAndTheCeiling_andVaries() {
    for (int attempt = 1; attempt <= 15; attempt++) {
      Duration ceiling = backoff.ceiling(attempt);
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delay(attempt)).isBetween(ceiling.dividedBy(2), ceiling);
      }
    }
    assertThat(backoff.delay(5)).isNotEqualTo(backoff.delay(5));
  }

  @Test
  void invalidArguments_areRefused() {
    assertThatThrownBy(() -> backoff.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
