package io.tandem.server.stream;

import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.EventFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/** The live streams and their limits (keys {@code tandem.streams.*}, see server/README.md). */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

  @Bean
  EventStreams eventStreams(
      EventHistory history,
      EventCodec codec,
      EventFeed feed,
      @Value("${tandem.streams.max:1000}") int max,
      @Value("${tandem.streams.queue:10000}") int queue,
      @Value("${tandem.streams.keep-alive:15s}") Duration keepAlive) {
    EventStreams streams = new EventStreams(history, codec, max, queue, keepAlive);
    feed.subscribe(streams);
    return streams;
  }

  /**
   * Ends every stream as soon as shutdown begins, before the web server waits for requests in
   * flight (an open stream would hold graceful shutdown for its whole timeout).
   */
  @Bean
  ApplicationListener<ContextClosedEvent> closeStreamsOnShutdown(
      EventStreams events, StatisticsStreams statistics) {
    return closed -> {
      events.closeAll();
      statistics.closeAll();
    };
  }

  @Bean
  StatisticsStreams statisticsStreams(
      LiveStatistics statistics,
      @Value("${tandem.streams.statistics-period:1s}") Duration period,
      @Value("${tandem.streams.max:1000}") int max) {
    return new StatisticsStreams(statistics, period, max);
  }
}
