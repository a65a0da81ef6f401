package io.tandem.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 18), its data in a test's
 * temporary directory, shared by the tests of a class: each test gets its own database.
 */
public final class PostgresServer implements AutoCloseable {

  private final Path dataDirectory;
  private final AtomicInteger databases = new AtomicInteger();
  private EmbeddedPostgres postgres;

  private PostgresServer(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.postgres = launch(dataDirectory);
  }

  /** Starts a server with its data under {@code directory}. */
  public static PostgresServer start(Path directory) {
    return new PostgresServer(directory.resolve("pgdata"));
  }

  /** A new, empty database on this server. */
  public TestDatabase newDatabase() {
    String name = "tandem_" + databases.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new PostgresDatabase(this, name);
  }

  String jdbcUrl(String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  /** Stops the server (as a crash-free shutdown would) and starts it again on the same data. */
  void restart() {
    stop();
    postgres = launch(dataDirectory);
  }

  @Override
  public void close() {
    stop();
  }

  private void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres launch(Path dataDirectory) {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }
}
