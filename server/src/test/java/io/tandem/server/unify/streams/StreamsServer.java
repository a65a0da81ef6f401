package io.tandem.server.unify.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tandem.acs.streams.MediaSink;
import io.tandem.acs.streams.TranscriptSink;
import io.tandem.identity.MicrosoftTokenValidator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A minimal Spring web application on a free loopback port with only {@link
 * AcsStreamsConfiguration}, a recording sink for both streams, a simple meter registry and (when
 * given) the ACS token validator bean.
 */
final class StreamsServer implements AutoCloseable {

  /** Deliberately not a {@code @Configuration}: the server's component scan must not find it. */
  @ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class
  })
  @Import(AcsStreamsConfiguration.class)
  static class Application {}

  final RecordingStreamSink sink;
  final MeterRegistry meters = new SimpleMeterRegistry();
  final ConfigurableApplicationContext context;
  final int port;

  StreamsServer(@Nullable MicrosoftTokenValidator validator, String... properties) {
    this(validator, new RecordingStreamSink(), properties);
  }

  /** With {@code streamSink} as both sinks instead of a {@link RecordingStreamSink}. */
  <S extends TranscriptSink & MediaSink> StreamsServer(
      @Nullable MicrosoftTokenValidator validator, S streamSink, String... properties) {
    this.sink =
        streamSink instanceof RecordingStreamSink recording ? recording : new RecordingStreamSink();
    List<String> all =
        new ArrayList<>(
            List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
    all.addAll(List.of(properties));
    context =
        new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.SERVLET)
            .properties(all.toArray(String[]::new))
            .initializers(
                ctx -> {
                  var beans = ctx.getBeanFactory();
                  beans.registerSingleton("streamSink", streamSink);
                  beans.registerSingleton("meterRegistry", meters);
                  if (validator != null) {
                    beans.registerSingleton(AcsStreamsConfiguration.TOKEN_VALIDATOR, validator);
                  }
                })
            .run();
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
  }

  URI url(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  double counter(String name, String tag, String value) {
    var counter = meters.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  double gauge(String stream) {
    var gauge = meters.find("tandem.acs.stream.sessions").tag("stream", stream).gauge();
    return gauge == null ? -1 : gauge.value();
  }

  @Override
  public void close() {
    context.close();
  }
}
