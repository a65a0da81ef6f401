package io.tandem.emulator.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every cell of the subscription state table. */
class SubscriptionStateTest {

  private static final Map<SubscriptionState, Set<SubscriptionState>> EXPECTED =
      Map.of(
          SubscriptionState.ACTIVE,
          Set.of(SubscriptionState.DELETED, SubscriptionState.EXPIRED, SubscriptionState.REMOVED),
          SubscriptionState.DELETED,
          Set.of(),
          SubscriptionState.EXPIRED,
          Set.of(),
          SubscriptionState.REMOVED,
          Set.of());

  @Test
  void everyMove_isLegalExactlyWhenTheTableSaysSo() {
    for (SubscriptionState from : SubscriptionState.values()) {
      for (SubscriptionState to : SubscriptionState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }
}
