package io.tandem.server.webhook;

import io.tandem.server.testing.PostgresServer;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The webhook stores on a real PostgreSQL (embedded binaries, one server for the class). */
class PostgresWebhooksTest extends WebhooksContract {

  @TempDir static Path directory;
  private static PostgresServer server;

  @BeforeAll
  static void startPostgres() {
    server = PostgresServer.start(directory);
  }

  @AfterAll
  static void stopPostgres() {
    server.close();
  }

  @Override
  TestDatabase newDatabase() {
    return server.newDatabase();
  }
}
