package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node whose tenant is slow to take a burst of callers in refuses new ones with 503 (ArrivalLag)
 * for a while, creating nothing for them, and takes callers again once it has caught up; the
 * callers already in stay.
 */
class ConnectOverloadEndToEndTest {

  @Test
  void tenantBehindInTakingCallersIn_newCallersGet503_thenTakenAgain() throws Exception {
    try (ConnectRig rig = new ConnectRig()) {
      // The tenant's writer is held up (as by the work of a burst of earlier calls).
      CountDownLatch writerFree = new CountDownLatch(1);
      rig.tell(
          t -> {
            try {
              writerFree.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          });
      // A burst of callers arrives while it is held up.
      List<String> burst = new ArrayList<>();
      for (int i = 0; i < ArrivalLag.BUSY; i++) {
        burst.add(rig.dial("\"patience\":\"PT40S\""));
      }
      long dialled = System.nanoTime();
      ConnectRig.await(
          () ->
              System.nanoTime() - dialled > ArrivalLag.LIMIT.plusMillis(300).toNanos()
                  ? true
                  : null);
      writerFree.countDown();
      // each call starts its flow once its arrival's round trip (over the limit) was measured
      ConnectRig.await(
          () ->
              rig.events(InteractionEvent.VirtualAssistantStarted.class).size() == burst.size()
                  ? true
                  : null);

      String refused = rig.dial("");

      Map<String, String> ended =
          ConnectRig.await(
              () -> rig.journalEvents("trunk.ended", refused).stream().findFirst().orElse(null));
      assertThat(ended).containsEntry("status", "503").containsEntry("reason", "REJECTED");
      assertThat(rig.events(InteractionEvent.Arrived.class)).hasSize(burst.size());

      // Once the hold has passed without another slow arrival, callers are taken in again.
      long refusedAt = System.nanoTime();
      ConnectRig.await(
          () -> System.nanoTime() - refusedAt > ArrivalLag.HOLD.toNanos() ? true : null);
      rig.dial("");
      ConnectRig.await(
          () ->
              rig.events(InteractionEvent.Arrived.class).size() == burst.size() + 1 ? true : null);
      for (String waiting : burst) {
        assertThat(rig.journalEvents("trunk.ended", waiting)).as(waiting).isEmpty();
      }
    }
  }
}
