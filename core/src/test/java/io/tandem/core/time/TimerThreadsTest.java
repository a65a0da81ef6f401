package io.tandem.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerThreadsTest {

  @Test
  void cancelledTimers_leaveTheQueueAtOnce_othersStay() {
    ScheduledThreadPoolExecutor timers =
        (ScheduledThreadPoolExecutor) TimerThreads.daemon("timer-threads-test");
    try {
      ScheduledFuture<?> ringLimit = timers.schedule(() -> {}, 30, TimeUnit.SECONDS);
      timers.schedule(() -> {}, 60, TimeUnit.SECONDS);
      assertThat(timers.getQueue()).hasSize(2);

      ringLimit.cancel(false);

      assertThat(timers.getQueue()).hasSize(1);
    } finally {
      timers.shutdownNow();
    }
  }

  @Test
  void theThreadIsADaemon_namedAsAsked() throws Exception {
    var timers = TimerThreads.daemon("timer-threads-name");
    try {
      Thread thread = timers.schedule(Thread::currentThread, 0, TimeUnit.MILLISECONDS).get();
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).isEqualTo("timer-threads-name");
    } finally {
      timers.shutdownNow();
    }
  }
}
