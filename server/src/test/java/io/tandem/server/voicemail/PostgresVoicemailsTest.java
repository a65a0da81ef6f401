package io.tandem.server.voicemail;

import io.tandem.server.testing.PostgresServer;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The voicemail store on a real PostgreSQL (embedded binaries, one server for the class). */
class PostgresVoicemailsTest extends VoicemailsContract {

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
