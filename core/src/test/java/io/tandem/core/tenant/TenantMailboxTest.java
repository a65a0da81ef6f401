package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantMailboxTest {

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final TenantMailbox mailbox = new TenantMailbox(threads);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void commandsFromManyThreads_runOneAtATime_andNoneIsLost() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    int[] unsafeCounter = {0};
    List<CompletableFuture<Void>> done = new ArrayList<>();
    ExecutorService submitters = Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      submitted.add(
          submitters.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  CompletableFuture<Void> f =
                      mailbox.tell(
                          () -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            unsafeCounter[0]++;
                            inside.decrementAndGet();
                          });
                  synchronized (done) {
                    done.add(f);
                  }
                }
              }));
    }
    for (var s : submitted) {
      s.get(30, TimeUnit.SECONDS);
    }
    submitters.shutdown();
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(unsafeCounter[0]).isEqualTo(16_000);
    assertThat(maxInside.get()).isEqualTo(1);
  }

  @Test
  void commandsFromOneThread_runInSubmissionOrder() throws Exception {
    List<Integer> seen = new ArrayList<>();
    CompletableFuture<Void> last = null;
    for (int i = 0; i < 1_000; i++) {
      int n = i;
      last = mailbox.tell(() -> seen.add(n));
    }
    last.get(10, TimeUnit.SECONDS);

    assertThat(seen).hasSize(1_000).isSorted();
  }

  @Test
  void failingCommand_failsItsFuture_andTheNextCommandStillRuns() throws Exception {
    CompletableFuture<Integer> failing =
        mailbox.ask(
            () -> {
              throw new IllegalStateException("refused");
            });
    CompletableFuture<Integer> next = mailbox.ask(() -> 42);

    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(42);
  }
}
