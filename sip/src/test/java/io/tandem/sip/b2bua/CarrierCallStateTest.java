package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.CarrierCallState.ANSWERED;
import static io.tandem.sip.b2bua.CarrierCallState.BRIDGED;
import static io.tandem.sip.b2bua.CarrierCallState.CONNECTING;
import static io.tandem.sip.b2bua.CarrierCallState.ENDED;
import static io.tandem.sip.b2bua.CarrierCallState.FORWARDING;
import static io.tandem.sip.b2bua.CarrierCallState.IN_FLOW;
import static io.tandem.sip.b2bua.CarrierCallState.QUEUED;
import static io.tandem.sip.b2bua.CarrierCallState.TRANSFERRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every cell of a caller call's table of moves, the agent's transfers and the domain's forwards
 * included.
 */
class CarrierCallStateTest {

  private static final Map<CarrierCallState, Set<CarrierCallState>> LEGAL =
      Map.of(
          ANSWERED, EnumSet.of(IN_FLOW, QUEUED, ENDED),
          IN_FLOW, EnumSet.of(QUEUED, CONNECTING, FORWARDING, ENDED),
          QUEUED, EnumSet.of(CONNECTING, FORWARDING, ENDED),
          CONNECTING, EnumSet.of(QUEUED, BRIDGED, FORWARDING, ENDED),
          BRIDGED, EnumSet.of(QUEUED, TRANSFERRED, ENDED),
          FORWARDING, EnumSet.of(TRANSFERRED, ENDED),
          TRANSFERRED, EnumSet.of(ENDED),
          ENDED, EnumSet.noneOf(CarrierCallState.class));

  @Test
  void everyCell_isLegalExactlyWhenTheTableSaysSo() {
    for (CarrierCallState from : CarrierCallState.values()) {
      for (CarrierCallState to : CarrierCallState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }
}
