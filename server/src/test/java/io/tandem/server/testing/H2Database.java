package io.tandem.server.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * An H2 database in a file under a test's temporary directory, as the server runs it by default. H2
 * closes the database when its last connection closes, so closing the pool is a restart.
 */
public final class H2Database implements TestDatabase {

  private final String url;
  private HikariDataSource pool;

  public H2Database(Path directory) {
    this.url =
        "jdbc:h2:file:"
            + directory.resolve("tandem").toAbsolutePath()
            + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
    this.pool = Pools.open(url, username());
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public String jdbcUrl() {
    return url;
  }

  @Override
  public String username() {
    return "sa";
  }

  @Override
  public void restart() {
    pool.close();
    pool = Pools.open(url, username());
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "H2";
  }
}
