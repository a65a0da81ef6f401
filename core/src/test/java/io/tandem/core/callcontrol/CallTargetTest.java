package io.tandem.core.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.queue.QueueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTargetTest {

  @Test
  void readsEachKindOfTargetAndWritesItBack() {
    assertThat(CallTarget.parse("queue:billing"))
        .isEqualTo(new CallTarget.Queue(new QueueId("billing")));
    assertThat(CallTarget.parse(" +14255550123 "))
        .isEqualTo(new CallTarget.PhoneNumber("+14255550123"));
    CallTarget user = CallTarget.parse("teams:6E5B2A10-1111-4C4C-8D8D-0123456789AB");
    assertThat(user).isEqualTo(new CallTarget.TeamsUser("6e5b2a10-1111-4c4c-8d8d-0123456789ab"));
    for (String text :
        new String[] {
          "queue:billing", "+14255550123", "teams:6e5b2a10-1111-4c4c-8d8d-0123456789ab"
        }) {
      assertThat(CallTarget.parse(text).text()).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "billing",
        "+0425555",
        "+1425",
        "+1425555012345678",
        "+1 425 555 0123",
        "teams:ann",
        "teams:6e5b2a10-1111-4c4c-8d8d-0123456789abc",
        "queue:",
        "queue:bad id"
      })
  void refusesWhatIsNoTarget(String text) {
    assertThatThrownBy(() -> CallTarget.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConsultationIsNeverWithAQueue() {
    assertThatThrownBy(() -> new CallAction.Consult(CallTarget.parse("queue:billing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a queue");
  }
}
