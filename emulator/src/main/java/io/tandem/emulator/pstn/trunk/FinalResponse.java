package io.tandem.emulator.pstn.trunk;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The final response to a trunk call's INVITE, and who waits for it (a REFER's NOTIFY): recorded
 * once it comes, reported once to every listener — as 408 Request Timeout when the call ended
 * without one. Guarded by the owning call's lock.
 */
final class FinalResponse {

  private final List<TrunkServices.FinalListener> listeners = new ArrayList<>();
  private int status;
  private String reason = "Request Timeout";
  private boolean reported;

  void listen(TrunkServices.FinalListener listener) {
    listeners.add(listener);
  }

  /** Records the final response (a timeout counts as 408) and reports it. */
  void arrived(int finalStatus, String finalReason) {
    status = finalStatus;
    reason = finalReason;
    report();
  }

  /** Reports the response, or 408 if none came; only the first call reports. */
  void report() {
    if (reported) {
      return;
    }
    reported = true;
    int reportedStatus = status == 0 ? 408 : status;
    listeners.forEach(listener -> listener.finalResponse(reportedStatus, reason));
  }

  int status() {
    return status;
  }

  /** {@code "486 Busy Here"}, or null before a final response. */
  @Nullable String describe() {
    return status == 0 ? null : status + " " + reason;
  }
}
