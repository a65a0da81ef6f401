package io.tandem.server.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the server's Flyway migrations ({@code classpath:db/migration}) outside Spring. */
public final class Migrations {

  private Migrations() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).load().migrate();
  }

  /** Runs the migrations up to and including {@code version}. */
  public static MigrateResult migrateTo(DataSource dataSource, String version) {
    return Flyway.configure().dataSource(dataSource).target(version).load().migrate();
  }
}
