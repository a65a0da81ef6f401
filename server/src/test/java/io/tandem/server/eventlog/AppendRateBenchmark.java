package io.tandem.server.eventlog;

import com.zaxxer.hikari.HikariDataSource;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Migrations;
import io.tandem.server.testing.Pools;
import io.tandem.server.testing.PostgresServer;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load tool, not a test (tag {@code benchmark}, excluded from the suite): how many events per
 * second {@link JdbcEventLog} appends on H2 (file) and on PostgreSQL 18 (embedded), one event per
 * transaction as tenants append them, with one tenant (its single writer) and with four tenants
 * appending at once. Prints the median of five rounds after a warm-up; asserts nothing.
 *
 * <pre>
 * ./mvnw -B -pl server -am test -Dgroups=benchmark -DexcludedGroups=none \
 *     -Dtest=AppendRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class AppendRateBenchmark {

  private static final int WARM_UP = 3_000;
  private static final int PER_ROUND = 5_000;
  private static final int ROUNDS = 5;

  @TempDir Path directory;

  @Test
  void appendRate_h2() throws Exception {
    try (TestDatabase h2 = new H2Database(directory)) {
      measure("H2 2.4 file", h2);
    }
  }

  /** H2's own default, for comparison: commits reach the file up to 500 ms late (not durable). */
  @Test
  void appendRate_h2WithWriteDelay() throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("delayed").toAbsolutePath();
    try (HikariDataSource pool = Pools.open(url, "sa")) {
      measure("H2 2.4 file, default write delay (not kill-safe)", pool);
    }
  }

  /**
   * PostgreSQL as the tests start it (zonky's embedded defaults: {@code synchronous_commit=off})
   * and as a production database runs ({@code synchronous_commit=on}: each commit waits for its WAL
   * flush).
   */
  @Test
  void appendRate_postgres() throws Exception {
    try (PostgresServer server = PostgresServer.start(directory);
        TestDatabase postgres = server.newDatabase()) {
      measure("PostgreSQL 18, synchronous_commit=off", postgres.dataSource());
      String url = postgres.jdbcUrl() + "&options=-c%20synchronous_commit%3Don";
      try (HikariDataSource durable = Pools.open(url, postgres.username())) {
        measure("PostgreSQL 18, synchronous_commit=on", durable);
      }
    }
  }

  private static void measure(String name, TestDatabase database) throws Exception {
    measure(name, database.dataSource());
  }

  private static void measure(String name, DataSource dataSource) throws Exception {
    Migrations.migrate(dataSource);
    EventLog log = new JdbcEventLog(dataSource, new EventCodec());
    List<TenantEvent> events = EventSamples.all();
    append(log, new TenantId("warm-up"), events, WARM_UP);
    for (int tenants : new int[] {1, 4}) {
      double[] rates = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        rates[round] = rate(log, events, tenants, round);
      }
      Arrays.sort(rates);
      System.out.printf(
          "%s, %d tenant(s) appending: median %.0f events/s (rounds: %s)%n",
          name, tenants, rates[ROUNDS / 2], Arrays.toString(round(rates)));
    }
  }

  private static double rate(EventLog log, List<TenantEvent> events, int tenants, int round)
      throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(tenants);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        TenantId tenant = new TenantId("t" + tenants + "-" + round + "-" + t);
        done.add(writers.submit(() -> append(log, tenant, events, PER_ROUND / tenants)));
      }
      for (Future<?> future : done) {
        future.get();
      }
      return PER_ROUND / ((System.nanoTime() - start) / 1e9);
    } finally {
      writers.shutdown();
    }
  }

  private static void append(EventLog log, TenantId tenant, List<TenantEvent> events, int count) {
    for (int i = 0; i < count; i++) {
      log.append(tenant, events.get(i % events.size()));
    }
  }

  private static long[] round(double[] rates) {
    return Arrays.stream(rates).mapToLong(Math::round).toArray();
  }
}
