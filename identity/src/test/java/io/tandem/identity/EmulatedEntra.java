package io.tandem.identity;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.time.SchedulerClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The emulator's Entra and callback authorities on a free port, on a manual clock both sides share.
 */
final class EmulatedEntra implements AutoCloseable {

  static final String TENANT = "0a0b0c0d-1111-4222-8333-444455556666";
  static final String APP = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910";
  static final String SECRET = "s3cret";

  final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final Emulator emulator;

  /** The same manual time as a {@link Clock}, for the code under test. */
  final Clock clock = new SchedulerClock(scheduler);

  EmulatedEntra() throws Exception {
    Path world = Path.of(EmulatedEntra.class.getResource("/identity-world.yaml").toURI());
    emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), scheduler);
  }

  URI base() {
    return URI.create(emulator.httpBaseUrl());
  }

  /** How many requests the emulator received whose journal kind starts with {@code prefix}. */
  long requests(String prefix) {
    return emulator
        .journal()
        .after(0, (JournalEntry e) -> e.kind().startsWith(prefix), 10_000)
        .size();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
