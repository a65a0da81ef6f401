package io.tandem.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.Channel;
import org.junit.jupiter.api.Test;

class RouteTest {

  private static Route route(String pattern) {
    return new Route(Channel.CONTROL, "POST", pattern, call -> HttpReply.empty(204));
  }

  @Test
  void variables_matchOneSegment_andAreDecoded() {
    assertThat(
            route("/v1.0/communications/calls/{id}/answer")
                .match("/v1.0/communications/calls/a%2Db/answer"))
        .containsEntry("id", "a-b");
    assertThat(
            route("/v1.0/communications/calls/{id}/answer")
                .match("/v1.0/communications/calls/a/b/answer"))
        .isNull();
    assertThat(route("/v1.0/communications/calls/{id}").match("/v1.0/communications/calls/"))
        .isNull();
  }

  @Test
  void actionSuffixes_shareTheSegmentWithTheVariable() {
    Route terminate = route("/calling/callConnections/{id}:terminate");
    assertThat(terminate.match("/calling/callConnections/441f1200-abc:terminate"))
        .containsEntry("id", "441f1200-abc");
    assertThat(terminate.match("/calling/callConnections/441f1200-abc:answer")).isNull();
    assertThat(route("/calling/callConnections:answer").match("/calling/callConnections:answer"))
        .isEmpty();
    assertThat(
            route("/calling/callConnections/{id}/participants/{raw}")
                .match("/calling/callConnections/c1/participants/8%3Aacs%3Ax"))
        .containsEntry("raw", "8:acs:x");
  }
}
