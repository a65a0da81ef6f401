package io.tandem.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.tenant.TenantMailbox;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxSchedulerTest {

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final TenantMailbox mailbox =
      new TenantMailbox(Executors.newVirtualThreadPerTaskExecutor());
  private final MailboxScheduler scheduler =
      new MailboxScheduler(Clock.systemUTC(), timers, mailbox);

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  @Test
  void dueTimer_runsThroughTheMailbox() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Instant soon = Clock.systemUTC().instant().plusMillis(20);

    scheduler.schedule(soon, ran::countDown);

    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelledTimer_doesNotRun() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    Timer timer =
        scheduler.schedule(Clock.systemUTC().instant().plusMillis(50), () -> ran.set(true));
    timer.cancel();
    CountDownLatch later = new CountDownLatch(1);
    scheduler.schedule(Clock.systemUTC().instant().plusMillis(100), later::countDown);

    assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isFalse();
  }
}
