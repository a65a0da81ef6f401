package io.tandem.server.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Small HikariCP pools for tests, like the one Spring Boot builds. */
public final class Pools {

  private Pools() {}

  public static HikariDataSource open(String url, String username) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword("");
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(60_000);
    return new HikariDataSource(config);
  }
}
