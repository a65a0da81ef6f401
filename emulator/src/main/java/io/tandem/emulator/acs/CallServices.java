package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;

/** What every call of the emulated Call Automation uses: callbacks, time, downloads, journal. */
record CallServices(
    Callbacks callbacks, Scheduler scheduler, PlaySourceFetcher fetcher, Journal journal) {}
