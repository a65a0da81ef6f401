package io.tandem.server.unify.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of the ACS stream endpoints: {@code tandem.acs.stream.frames{kind}} (frames handed to
 * a sink), {@code tandem.acs.stream.rejected{reason}} (handshakes and frames refused) and {@code
 * tandem.acs.stream.sessions{stream}} (connections open now).
 */
final class StreamMeters {

  static final List<String> KINDS =
      List.of(
          "TranscriptionMetadata", "TranscriptionData", "AudioMetadata", "AudioData", "DtmfData");

  private final MeterRegistry registry;
  private final Map<String, Counter> frames = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
  private final Function<String, Counter> frameCounter;
  private final Function<String, Counter> rejectedCounter;

  StreamMeters(MeterRegistry registry) {
    this.registry = registry;
    this.frameCounter =
        kind ->
            Counter.builder("tandem.acs.stream.frames")
                .description("Frames of ACS transcription and media streams handed to a sink")
                .tag("kind", kind)
                .register(registry);
    this.rejectedCounter =
        reason ->
            Counter.builder("tandem.acs.stream.rejected")
                .description("ACS stream handshakes and frames refused")
                .tag("reason", reason)
                .register(registry);
    KINDS.forEach(kind -> frames.computeIfAbsent(kind, frameCounter));
  }

  void frame(String kind) {
    frames.computeIfAbsent(kind, frameCounter).increment();
  }

  void rejected(String reason) {
    rejected.computeIfAbsent(reason, rejectedCounter).increment();
  }

  void sessions(String stream, OpenStreams open) {
    Gauge.builder("tandem.acs.stream.sessions", open, OpenStreams::count)
        .description("ACS stream connections open now")
        .tag("stream", stream)
        .register(registry);
  }
}
