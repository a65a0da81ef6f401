package io.tandem.acs.unify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.testkit.load.Dialler;
import io.tandem.testkit.load.ResourceSample;
import io.tandem.testkit.load.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A load tool, not a test (tag {@code benchmark}, excluded from the suite): one Unify node against
 * the in-process emulator's ACS Call Automation on the wall clock, loopback only. Each PSTN caller
 * reaches the resource account, is answered, hears a short welcome and the {@value
 * BenchRig#MENU_SECONDS} s menu (keys from continuous DTMF, typed ahead if early), presses 1 two
 * seconds after the answer, waits in the unstaffed billing queue with looping music on hold and
 * position announcements, and hangs up when their patience runs out.
 *
 * <p>Prints latencies and counts; asserts only that every call was answered, queued and ended by
 * its caller, and that nothing was refused or failed, never timing. Run with {@code
 * acs/scripts/unify-load.sh [callsPerSecond] [seconds] [concurrentTargets]}, or: {@code ./mvnw -B
 * -o -pl core,media,emulator,identity,acs -am test -Dtest=UnifyLoadBenchmark -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dunify.bench.rate=50
 * -Dunify.bench.seconds=30 -Dunify.bench.concurrent=1000,2000}.
 */
@Tag("benchmark")
class UnifyLoadBenchmark {

  private static final int RATE = Integer.getInteger("unify.bench.rate", 50);
  private static final int SECONDS = Integer.getInteger("unify.bench.seconds", 30);
  private static final int[] TARGETS =
      Arrays.stream(System.getProperty("unify.bench.concurrent", "1000").split(","))
          .map(String::trim)
          .filter(step -> !step.isEmpty())
          .mapToInt(Integer::parseInt)
          .filter(step -> step > 0)
          .toArray();
  private static final int HOLD = Integer.getInteger("unify.bench.hold", 30);
  private static final int JOURNAL = 100_000;
  private static final String PRESS_1 = "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"1\"}]";

  private final BenchRig rig = new BenchRig(JOURNAL);
  private final Dialler dialler = new Dialler();
  private final ScheduledExecutorService drains = Executors.newSingleThreadScheduledExecutor();

  UnifyLoadBenchmark() throws Exception {}

  @AfterEach
  void close() {
    drains.shutdownNow();
    dialler.close();
    rig.close();
  }

  @Test
  void answerAndKeyToNextPrompt_atAFixedRateOfNewCalls() throws Exception {
    Duration patience = Duration.ofSeconds(12);
    String script = PRESS_1 + ",\"patience\":\"" + patience + "\"";
    String loadBefore = ResourceSample.loadAverage();
    int warmUp = warmUp();
    JournalTap tap = startTap();
    ResourceSample before = ResourceSample.now();

    int calls = RATE * SECONDS;
    dialler.dial(warmUp, calls, RATE, n -> rig.dial(number(n), script)).join();
    boolean settled = settled(dialler.placed.get(), patience);
    ResourceSample after = ResourceSample.now();
    drains.shutdown();
    drains.awaitTermination(10, TimeUnit.SECONDS);
    tap.drain();

    System.out.printf(
        "%nUnify load: %d new calls/s for %d s (%d calls after %d warm-up), %d cores,"
            + " load average before %s%n"
            + "  IncomingCall delivery -> :answer request:       %s%n"
            + "  caller's key -> next request:                   %s %s%n"
            + "  key callback -> next request:                   %s%n"
            + "  answered %d, keys pressed %d, keys never reported (lost) %d, hold-music plays %d,"
            + " calls with hold music %d, announcements %d%n"
            + "  ended: caller hung up %d, by the application %d %s%n"
            + "  ACS errors %s, deliveries not accepted %d, callbacks not accepted %d %s,"
            + " redeliveries %s, rejected tokens %d, refused bodies %d, dials refused %s%n"
            + "  JVM CPU %.0f %% of one core, heap after GC %d MiB, threads %d, prompt fetches %d%n",
        RATE,
        SECONDS,
        calls,
        warmUp,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        tap.answerLatency.summary(),
        tap.toneLatency.summary(),
        tap.toneReactions,
        tap.callbackLatency.summary(),
        tap.answeredCalls(),
        tap.keysPressed(),
        tap.keysLost(),
        tap.holdPrompts(),
        tap.callsWithHoldMusic(),
        tap.announcements(),
        tap.callersHungUp,
        tap.endedByApplication,
        tap.endings,
        tap.acsErrors,
        tap.deliveriesNotAccepted,
        tap.callbacksNotAccepted,
        tap.refused,
        tap.redeliveries,
        rig.rejectedTokens.get(),
        rig.refusedBodies.get(),
        dialler.refusals,
        after.cpuPercentSince(before),
        after.heapMib(),
        after.platformThreads(),
        rig.promptFetches.get());

    assertThat(dialler.refused).as("dials the emulator refused").hasValue(0);
    assertThat(settled).as("every call ended and the application holds none").isTrue();
    assertThat(tap.entriesLost()).as("journal entries lost before they were read").isFalse();
    assertNothingDropped(tap, dialler.placed.get() - warmUp);
  }

  @Test
  void concurrentCallers_queuedWithMusicOnHold() throws Exception {
    int total = TARGETS.length == 0 ? 0 : TARGETS[TARGETS.length - 1];
    long rampSeconds = (total + RATE - 1) / RATE;
    Duration plan = Duration.ofSeconds(rampSeconds + (long) TARGETS.length * (HOLD + 30L) + 30L);
    String loadBefore = ResourceSample.loadAverage();
    int warmUp = warmUp();
    long end = System.nanoTime() + plan.toNanos();
    JournalTap tap = startTap();
    List<String> lines = new ArrayList<>();
    int dialled = warmUp;
    int held = 0;
    for (int target : TARGETS) {
      int from = dialled;
      int answeredBefore = tap.answers();
      ResourceSample rampStart = ResourceSample.now();
      dialler
          .dial(
              from,
              warmUp + target - from,
              RATE,
              n -> {
                // Patience to the plan's end, hang-ups spread at the dialling rate.
                long left = end - System.nanoTime() + (n - warmUp) * 1_000_000_000L / RATE;
                rig.dial(number(n), PRESS_1 + ",\"patience\":\"" + Duration.ofNanos(left) + "\"");
              })
          .join();
      dialled = warmUp + target;
      boolean queued =
          Waits.until(
              () -> {
                int expected = target - dialler.refused.get();
                return rig.waiting() >= expected && tap.callsWithHoldMusic() >= expected;
              },
              Duration.ofSeconds(60),
              Duration.ofMillis(500));
      ResourceSample holdStart = ResourceSample.now();
      int promptsBefore = tap.holdPrompts();
      int announcementsBefore = tap.announcements();
      int abandonedBefore = rig.count("Abandoned");
      boolean lost =
          queued
              && Waits.stoppedWithin(
                  () -> rig.count("Abandoned") > abandonedBefore || rig.count("Failed") > 0,
                  Duration.ofSeconds(HOLD));
      ResourceSample holdEnd = ResourceSample.now();
      int waiting = rig.waiting();
      lines.add(
          String.format(
              "  %,d callers: ramp %s; queued with music %s; during %d s: waiting %d,"
                  + " announcements %d (%.0f/s, music plays %d), JVM CPU %.0f %% of one core"
                  + " (ramp %.0f %%), heap after GC %d MiB, threads %d;"
                  + " answer latency in the ramp %s",
              target,
              Duration.ofNanos(holdStart.nanoTime() - rampStart.nanoTime()).toSeconds() + " s",
              queued,
              HOLD,
              waiting,
              tap.announcements() - announcementsBefore,
              (tap.announcements() - announcementsBefore) / (double) HOLD,
              tap.holdPrompts() - promptsBefore,
              holdEnd.cpuPercentSince(holdStart),
              holdStart.cpuPercentSince(rampStart),
              holdEnd.heapMib(),
              holdEnd.platformThreads(),
              tap.answerLatencySince(answeredBefore)));
      if (!queued || lost || waiting < target - dialler.refused.get()) {
        lines.add("  stopped: not every caller stayed queued with music at " + target);
        break;
      }
      held = target;
    }
    boolean settled = settled(dialler.placed.get(), plan.plus(Duration.ofSeconds(rampSeconds)));
    drains.shutdown();
    drains.awaitTermination(10, TimeUnit.SECONDS);
    tap.drain();

    System.out.printf(
        "%nUnify concurrency: steps %s at %d calls/s, hold %d s each, %d cores,"
            + " load average before %s; held %,d%n",
        Arrays.toString(TARGETS),
        RATE,
        HOLD,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        held);
    lines.forEach(System.out::println);
    System.out.printf(
        "  caller's key -> next request %s; keys pressed %d, keys never reported (lost) %d;"
            + " answered %d, ended: caller hung up %d, by the application %d %s%n"
            + "  ACS errors %s, deliveries not accepted %d, callbacks not accepted %d %s,"
            + " redeliveries %s, rejected tokens %d, refused bodies %d, dials refused %s%n",
        tap.toneLatency.summary(),
        tap.keysPressed(),
        tap.keysLost(),
        tap.answeredCalls(),
        tap.callersHungUp,
        tap.endedByApplication,
        tap.endings,
        tap.acsErrors,
        tap.deliveriesNotAccepted,
        tap.callbacksNotAccepted,
        tap.refused,
        tap.redeliveries,
        rig.rejectedTokens.get(),
        rig.refusedBodies.get(),
        dialler.refusals);

    assertThat(dialler.refused).as("dials the emulator refused").hasValue(0);
    assertThat(settled).as("every call ended and the application holds none").isTrue();
    assertThat(tap.entriesLost()).as("journal entries lost before they were read").isFalse();
    assertNothingDropped(tap, dialler.placed.get() - warmUp);
  }

  /** Five seconds of calls that end before the figures start (JIT, pools); how many. */
  private int warmUp() throws Exception {
    Duration patience = Duration.ofSeconds(8);
    String script = PRESS_1 + ",\"patience\":\"" + patience + "\"";
    int calls = RATE * 5;
    dialler.dial(0, calls, RATE, n -> rig.dial(number(n), script)).join();
    assertThat(settled(calls, patience)).as("the warm-up calls ended").isTrue();
    return calls;
  }

  private JournalTap startTap() {
    JournalTap tap = new JournalTap(rig.emulator.journal(), JOURNAL);
    drains.scheduleWithFixedDelay(tap::drain, 500, 500, TimeUnit.MILLISECONDS);
    return tap;
  }

  /** Whether {@code calls} calls ended in the tenant and the application let go of all of them. */
  private boolean settled(int calls, Duration patience) throws InterruptedException {
    return Waits.until(
            () -> rig.count("Abandoned") + rig.count("Ended") + rig.count("Failed") >= calls,
            patience.plus(Duration.ofSeconds(60)),
            Duration.ofMillis(250))
        && Waits.until(
            () -> rig.unify.activeCalls() == 0, Duration.ofSeconds(30), Duration.ofMillis(250));
  }

  private void assertNothingDropped(JournalTap tap, int calls) {
    assertThat(tap.answeredCalls()).as("calls answered").isEqualTo(calls);
    assertThat(tap.callsWithHoldMusic()).as("calls queued with music on hold").isEqualTo(calls);
    assertThat(tap.endedByApplication).as("calls the application ended").isZero();
    assertThat(tap.callersHungUp).as("callers whose patience ran out").isEqualTo(calls);
    assertThat(rig.count("Failed")).as("interactions failed").isZero();
    assertThat(tap.deliveriesNotAccepted).as("Event Grid deliveries not accepted").isZero();
    assertThat(tap.callbacksNotAccepted).as("callbacks not accepted").isZero();
    assertThat(rig.rejectedTokens).as("callback tokens rejected").hasValue(0);
    assertThat(rig.refusedBodies).as("callback bodies refused").hasValue(0);
  }

  private static String number(int n) {
    return String.format("+4477009%05d", n);
  }
}
