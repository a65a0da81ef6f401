package io.tandem.graph.extend.bench;

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
 * A load tool, not a test (tag {@code benchmark}, excluded from the suite): one Extend node against
 * the in-process emulator on the wall clock, loopback only. Each PSTN caller hears the {@value
 * BenchRig#MENU_SECONDS} s menu, presses 1 two seconds after the answer, waits in the unstaffed
 * billing queue with music on hold, and hangs up when their patience runs out.
 *
 * <p>Prints latencies and counts; asserts only that no call was dropped or failed, never timing.
 * Run with {@code graph/scripts/extend-load.sh [callsPerSecond] [seconds] [concurrentTargets]}, or:
 * {@code ./mvnw -B -o -pl core,media,emulator,identity,graph -am test -Dtest=ExtendLoadBenchmark
 * -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dextend.bench.rate=50 -Dextend.bench.seconds=30 -Dextend.bench.concurrent=1000,2000}.
 */
@Tag("benchmark")
class ExtendLoadBenchmark {

  private static final int RATE = Integer.getInteger("extend.bench.rate", 50);
  private static final int SECONDS = Integer.getInteger("extend.bench.seconds", 30);
  private static final int[] TARGETS =
      Arrays.stream(System.getProperty("extend.bench.concurrent", "1000").split(","))
          .map(String::trim)
          .filter(step -> !step.isEmpty())
          .mapToInt(Integer::parseInt)
          .filter(step -> step > 0)
          .toArray();
  private static final int HOLD = Integer.getInteger("extend.bench.hold", 30);
  private static final int JOURNAL = 50_000;
  private static final String PRESS_1 = "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"1\"}]";

  private final BenchRig rig = new BenchRig(JOURNAL);
  private final Dialler dialler = new Dialler();
  private final ScheduledExecutorService drains = Executors.newSingleThreadScheduledExecutor();

  ExtendLoadBenchmark() throws Exception {}

  @AfterEach
  void close() {
    drains.shutdownNow();
    dialler.close();
    rig.close();
  }

  @Test
  void notificationToAction_atAFixedRateOfNewCalls() throws Exception {
    Duration patience = Duration.ofSeconds(12);
    String script = PRESS_1 + ",\"patience\":\"" + patience + "\"";
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
        "%nExtend load: %d new calls/s for %d s (%d calls after %d warm-up), %d cores%n"
            + "  incoming notification -> answer request: %s%n"
            + "  tone notification -> next request:        %s %s%n"
            + "  answered %d, hold-music prompts %d, calls with hold music %d, tones lost %d%n"
            + "  ended: caller hung up %d, bot dropped %d, terminations by subcode %s%n"
            + "  Graph errors %s, notifications not accepted %d %s, rejected tokens %d,"
            + " dials refused %s%n"
            + "  JVM CPU %.0f %% of one core, heap after GC %d MiB, threads %d%n",
        RATE,
        SECONDS,
        calls,
        warmUp,
        Runtime.getRuntime().availableProcessors(),
        tap.answerLatency.summary(),
        tap.toneLatency.summary(),
        tap.toneReactions,
        tap.answeredCalls(),
        tap.holdPrompts,
        tap.callsWithHoldMusic(),
        tap.tonesLost,
        tap.callersHungUp,
        tap.callersDisconnectedByBot,
        tap.terminations,
        tap.graphErrors,
        tap.notificationsNotAccepted,
        tap.notificationReplies,
        rig.rejectedTokens.get(),
        dialler.refusals,
        after.cpuPercentSince(before),
        after.heapMib(),
        after.platformThreads());

    assertThat(dialler.refused).as("dials the emulator refused").hasValue(0);
    assertThat(settled).as("every call ended and the bot holds none").isTrue();
    assertThat(tap.entriesLost()).as("journal entries lost before they were read").isFalse();
    assertNothingDropped(tap, dialler.placed.get() - warmUp);
  }

  @Test
  void concurrentCallers_queuedWithMusicOnHold() throws Exception {
    int total = TARGETS.length == 0 ? 0 : TARGETS[TARGETS.length - 1];
    long rampSeconds = (total + RATE - 1) / RATE;
    Duration plan = Duration.ofSeconds(rampSeconds + (long) TARGETS.length * (HOLD + 30L) + 30L);
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
                  + " hold-music prompts %d (%.0f/s), JVM CPU %.0f %% of one core (ramp %.0f %%),"
                  + " heap after GC %d MiB, threads %d; answer latency in the ramp %s",
              target,
              Duration.ofNanos(holdStart.nanoTime() - rampStart.nanoTime()).toSeconds() + " s",
              queued,
              HOLD,
              waiting,
              tap.holdPrompts() - promptsBefore,
              (tap.holdPrompts() - promptsBefore) / (double) HOLD,
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
        "%nExtend concurrency: steps %s at %d calls/s, hold %d s each, %d cores; held %,d%n",
        Arrays.toString(TARGETS), RATE, HOLD, Runtime.getRuntime().availableProcessors(), held);
    lines.forEach(System.out::println);
    System.out.printf(
        "  answered %d, ended: caller hung up %d, bot dropped %d, terminations %s%n"
            + "  Graph errors %s, notifications not accepted %d %s, rejected tokens %d,"
            + " dials refused %s%n",
        tap.answeredCalls(),
        tap.callersHungUp,
        tap.callersDisconnectedByBot,
        tap.terminations,
        tap.graphErrors,
        tap.notificationsNotAccepted,
        tap.notificationReplies,
        rig.rejectedTokens.get(),
        dialler.refusals);

    assertThat(dialler.refused).as("dials the emulator refused").hasValue(0);
    assertThat(settled).as("every call ended and the bot holds none").isTrue();
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

  /** Whether {@code calls} calls ended in the tenant and the bot let go of all of them. */
  private boolean settled(int calls, Duration patience) throws InterruptedException {
    return Waits.until(
            () -> rig.count("Abandoned") + rig.count("Ended") + rig.count("Failed") >= calls,
            patience.plus(Duration.ofSeconds(60)),
            Duration.ofMillis(250))
        && Waits.until(
            () -> rig.extend.activeCalls() == 0, Duration.ofSeconds(30), Duration.ofMillis(250));
  }

  private void assertNothingDropped(JournalTap tap, int calls) {
    assertThat(tap.answeredCalls()).as("calls answered").isEqualTo(calls);
    assertThat(tap.callersDisconnectedByBot).as("callers the bot hung up").isZero();
    assertThat(tap.callersHungUp).as("callers whose patience ran out").isEqualTo(calls);
    assertThat(rig.count("Failed")).as("interactions failed").isZero();
    assertThat(tap.notificationsNotAccepted).as("notifications the bot did not accept").isZero();
    assertThat(rig.rejectedTokens).as("notification tokens rejected").hasValue(0);
  }

  private static String number(int n) {
    return String.format("+4477009%05d", n);
  }
}
