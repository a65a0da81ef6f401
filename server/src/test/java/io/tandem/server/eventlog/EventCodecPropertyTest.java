package io.tandem.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class EventCodecPropertyTest {

  private final EventCodec codec = new EventCodec();

  /** Any UTF-16 text, lone surrogates and control characters included, survives as ASCII JSON. */
  @Property(tries = 300)
  void arrived_withAnyText_roundTripsThroughAsciiJson(
      @ForAll @CharRange(from = '\u0000', to = '\uffff') String from,
      @ForAll @CharRange(from = '\u0000', to = '\uffff') String to,
      @ForAll @Size(max = 5)
          Map<@CharRange(from = '\u0000', to = '\uffff') String, String> attributes,
      @ForAll @LongRange(min = 0) long arrivalOrder,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond) {
    TenantEvent event =
        new InteractionEvent.Arrived(
            new InteractionId("c1"),
            Channel.VOICE,
            from,
            to,
            attributes,
            arrivalOrder,
            Instant.ofEpochSecond(epochSecond, nanos));

    String payload = codec.encode(event);

    assertThat(payload.chars().allMatch(c -> c < 128)).isTrue();
    assertThat(codec.decode("interaction.Arrived", payload)).isEqualTo(event);
  }
}
