package io.tandem.server.voicemail;

import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The voicemail store on embedded H2, in a file as the server runs it by default. */
class H2VoicemailsTest extends VoicemailsContract {

  @TempDir Path directory;
  private int databases;

  @Override
  TestDatabase newDatabase() {
    return new H2Database(directory.resolve("db-" + ++databases));
  }
}
