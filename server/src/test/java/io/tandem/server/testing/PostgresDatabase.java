package io.tandem.server.testing;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** One database on a {@link PostgresServer}; a restart restarts the whole server. */
final class PostgresDatabase implements TestDatabase {

  private final PostgresServer server;
  private final String name;
  private HikariDataSource pool;

  PostgresDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.pool = Pools.open(jdbcUrl(), username());
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  @Override
  public String username() {
    return "postgres";
  }

  @Override
  public void restart() {
    pool.close();
    server.restart();
    pool = Pools.open(jdbcUrl(), username());
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "PostgreSQL";
  }
}
