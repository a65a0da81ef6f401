package io.tandem.server.testing;

import javax.sql.DataSource;

/** An empty database for one test, that can be restarted like a process exit would. */
public interface TestDatabase extends AutoCloseable {

  /** A pooled data source on the database (a new one after each {@link #restart}). */
  DataSource dataSource();

  /** The JDBC URL, e.g. for {@code spring.datasource.url}. */
  String jdbcUrl();

  /** The user to connect as. */
  String username();

  /** Closes every connection and the database itself, then opens it again on the same files. */
  void restart();

  @Override
  void close();
}
