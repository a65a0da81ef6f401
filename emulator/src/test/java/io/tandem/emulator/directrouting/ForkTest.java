package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Teams user with two endpoints: one 180 per endpoint, each with its own To-tag. */
class ForkTest {

  @Test
  void twoEndpoints_two180sWithDistinctToTags_oneSdpProgress_answerOnFirstFork() throws Exception {
    try (DirectRoutingFixture fixture = new DirectRoutingFixture(s -> s.withEndpointsPerUser(2));
        TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550101")));
      assertThat(sbc.next().status()).isEqualTo(100);
      SipText first = nextBeyondTrying(sbc);
      SipText second = nextBeyondTrying(sbc);
      assertThat(first.status()).isEqualTo(180);
      assertThat(second.status()).isEqualTo(180);
      assertThat(first.toTag()).isNotEmpty().isNotEqualTo(second.toTag());
      SipText progress = nextBeyondTrying(sbc);
      assertThat(progress.status()).isEqualTo(183);
      assertThat(progress.body()).contains("m=audio");
      fixture.clock.advance(Duration.ofSeconds(3));
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.toTag()).isEqualTo(first.toTag());
    }
  }

  /** The next response that is not a 100: under load the stack may repeat its 100 Trying. */
  private static SipText nextBeyondTrying(TestSbc sbc) throws Exception {
    SipText message = sbc.next();
    while (message.status() == 100) {
      message = sbc.next();
    }
    return message;
  }
}
