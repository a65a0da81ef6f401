package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The poll interval stays inside the share of Graph's throttling limit polling may use. */
class PresencePollingSettingsTest {

  @Test
  void fewUsers_pollAtTheConfiguredInterval() {
    assertThat(PollingSettings.DEFAULT.intervalFor(700)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void manyUsers_stretchTheIntervalToStayInBudget() {
    // 1,000,000 users = 1,539 requests; 750 requests per 30 s → one poll per 61.56 s
    assertThat(PollingSettings.DEFAULT.intervalFor(1_000_000)).isEqualTo(Duration.ofMillis(61_560));
  }

  @Test
  void aSmallBudget_stretchesItToo() {
    PollingSettings oneRequestPerMinute =
        new PollingSettings(
            Duration.ofMinutes(2), Duration.ofSeconds(30), 1, Duration.ofMinutes(1));

    assertThat(oneRequestPerMinute.intervalFor(1300)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void subscriptionSettings_leaveTimeToRenewWithinTheHour() {
    assertThatThrownBy(
            () ->
                new SubscriptionSettings(
                    java.net.URI.create("https://cc.example/notify"),
                    null,
                    Duration.ofMinutes(55),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
