package io.tandem.server.eventlog;

import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The event log contract on embedded H2, in a file as the server runs it by default. */
class H2EventLogTest extends EventLogContract {

  @TempDir Path directory;
  private int databases;

  @Override
  TestDatabase newDatabase() {
    return new H2Database(directory.resolve("db-" + ++databases));
  }
}
