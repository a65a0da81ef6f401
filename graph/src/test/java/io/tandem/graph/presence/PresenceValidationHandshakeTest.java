package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link ValidationHandshake}: which token to echo for Graph's validation request. */
class PresenceValidationHandshakeTest {

  private static final String TOKEN =
      "Validation: Testing client application reachability for subscription Request-Id:"
          + " 3b3f9821-ce3f-23d9-879b-00a23f3 ";

  @Test
  void validationRequest_answersTheDecodedToken() {
    String query = "validationToken=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);

    assertThat(ValidationHandshake.answer(query)).hasValue(TOKEN);
  }

  @Test
  void tokenAmongOtherParameters_isFound() {
    String query = "tenant=a&validationToken=abc%3Adef&x=1";

    assertThat(ValidationHandshake.answer(query)).hasValue("abc:def");
  }

  @Test
  void noQueryOrNoToken_isANotification() {
    assertThat(ValidationHandshake.answer(null)).isEmpty();
    assertThat(ValidationHandshake.answer("")).isEmpty();
    assertThat(ValidationHandshake.answer("validationTokenX=1")).isEmpty();
  }

  @Test
  void badlyEscapedToken_isNotAnswered() {
    assertThat(ValidationHandshake.answer("validationToken=%zz")).isEmpty();
  }
}
