package io.tandem.server;

import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The application on its default database, embedded H2 in a file. */
class H2ApplicationTest extends ApplicationContract {

  @TempDir Path directory;

  @Override
  TestDatabase newDatabase() {
    return new H2Database(directory);
  }
}
