package io.tandem.server.unify.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The endpoints are absent without a validator, and refuse connections beyond their limit. */
class AcsStreamsLimitsTest {

  @Test
  void withoutAValidatorBean_theEndpointsAreAbsent() throws Exception {
    try (StreamsServer server = new StreamsServer(null)) {
      for (String path :
          new String[] {
            AcsStreamsConfiguration.TRANSCRIPTION_PATH, AcsStreamsConfiguration.MEDIA_PATH
          }) {
        assertThat(
                StreamClient.refusal(
                    server.url(path), "Authorization", "Bearer x", "x-ms-call-connection-id", "c"))
            .isEqualTo(404);
      }
      assertThat(server.gauge("transcription")).isEqualTo(-1);
    }
  }

  @Test
  void beyondMaxConnections_theHandshakeIs503_untilOneCloses() throws Exception {
    try (EmulatedAcs acs = new EmulatedAcs();
        StreamsServer server =
            new StreamsServer(acs.validator(), "tandem.acs.streams.max-connections=1")) {
      URI media = server.url(AcsStreamsConfiguration.MEDIA_PATH);
      String[] headers = {
        "Authorization", "Bearer " + acs.token(), "x-ms-call-connection-id", "call-1"
      };
      StreamClient first = StreamClient.open(media, headers);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.gauge("media") == 1);
      assertThat(StreamClient.refusal(media, headers)).isEqualTo(503);
      assertThat(server.counter("tandem.acs.stream.rejected", "reason", "too-many-connections"))
          .isEqualTo(1);
      StreamClient transcription =
          StreamClient.open(server.url(AcsStreamsConfiguration.TRANSCRIPTION_PATH), headers);
      first.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> server.gauge("media") == 0);
      StreamClient.open(media, headers).close();
      transcription.close();
    }
  }
}
