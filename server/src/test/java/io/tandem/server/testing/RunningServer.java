package io.tandem.server.testing;

import io.tandem.server.TandemApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application, started for one test on a free loopback port with its own H2 database in a
 * temporary directory and the demo off, reached over real HTTP with {@link #http()}.
 */
public final class RunningServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final URI base;

  private RunningServer(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the application on an H2 database under {@code directory}, with extra arguments. */
  public static RunningServer start(Path directory, String... arguments) {
    List<String> all = new ArrayList<>();
    all.add(
        "--spring.datasource.url=jdbc:h2:file:"
            + directory.resolve("tandem").toAbsolutePath()
            + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
    all.add("--spring.main.banner-mode=off");
    all.add("--server.port=0");
    all.add("--server.address=127.0.0.1");
    all.add("--tandem.demo.enabled=false");
    all.addAll(List.of(arguments));
    return new RunningServer(
        new SpringApplication(TandemApplication.class).run(all.toArray(String[]::new)));
  }

  public URI base() {
    return base;
  }

  public Http http() {
    return new Http(base);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
