package io.tandem.server.api;

import io.tandem.server.stream.EventSink;
import io.tandem.server.stream.EventStreams;
import io.tandem.server.stream.StatisticsStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events: a tenant's events as they happen ({@code /events}, resumable with {@code
 * Last-Event-ID} or {@code ?after=}, filtered with {@code ?types=interaction.*,agent.LoggedIn}),
 * and its real-time statistics once a second ({@code /statistics/stream}).
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
class EventStreamController {

  private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.(\\*|[A-Za-z]+))?");

  private final EventStreams events;
  private final StatisticsStreams statistics;
  private final Duration timeout;

  EventStreamController(
      EventStreams events,
      StatisticsStreams statistics,
      @Value("${tandem.streams.timeout:30m}") Duration timeout) {
    this.events = events;
    this.statistics = statistics;
    this.timeout = timeout;
  }

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      Actor actor,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(required = false) @Nullable String types) {
    Long resumeAfter = null;
    if (lastEventId != null) {
      resumeAfter = seq("Last-Event-ID", lastEventId);
    } else if (after != null) {
      resumeAfter = seq("after", after);
    }
    Predicate<String> filter = filter(types);
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    try {
      events.open(actor.tenantId(), resumeAfter, filter, new EmitterSink(emitter));
    } catch (EventStreams.TooManyStreamsException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "Too many streams", e.getMessage(), null);
    }
    return emitter;
  }

  @GetMapping(path = "/statistics/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter statistics(Actor actor) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    try {
      statistics.open(actor.tenant(), new EmitterSink(emitter));
    } catch (EventStreams.TooManyStreamsException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "Too many streams", e.getMessage(), null);
    }
    return emitter;
  }

  private static long seq(String field, String value) {
    try {
      long seq = Long.parseLong(value.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(field, "'" + field + "' must be an event number (0 or more)");
  }

  private static Predicate<String> filter(@Nullable String types) {
    if (types == null || types.isBlank()) {
      return type -> true;
    }
    List<String> wanted = Arrays.stream(types.split(",")).map(String::strip).toList();
    for (String type : wanted) {
      if (!TYPE.matcher(type).matches()) {
        throw ApiException.invalid(
            "types", "'" + type + "' is not an event type or prefix such as interaction.*");
      }
    }
    return type ->
        wanted.stream()
            .anyMatch(
                w ->
                    w.endsWith(".*")
                        ? type.startsWith(w.substring(0, w.length() - 1))
                        : w.contains(".") ? type.equals(w) : type.startsWith(w + "."));
  }

  /** An {@link EventSink} on a Spring {@link SseEmitter}. */
  private record EmitterSink(SseEmitter emitter) implements EventSink {
    @Override
    public void send(long id, String type, String json) throws IOException {
      emitter.send(
          SseEmitter.event()
              .id(Long.toString(id))
              .name(type)
              .data(json, MediaType.APPLICATION_JSON));
    }

    @Override
    public void keepAlive() throws IOException {
      emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void close() {
      emitter.complete();
    }
  }
}
