package io.tandem.emulator.directrouting;

import java.util.Map;
import java.util.Set;

/** The life of one Teams user's transfer of an SBC call. */
enum TransferState {
  /** REFER sent to the SBC (transferor mode), no final response yet. */
  REFER_SENT,
  /** The SBC accepted the REFER (202); its NOTIFYs report the new call's progress. */
  ACCEPTED,
  /** Referee mode: the proxy rings the Teams user the call is transferred to. */
  TARGET_RINGING,
  /** Referee mode: the target answered; the SBC leg is re-INVITEd towards it. */
  REINVITING,
  /** The transfer succeeded: a NOTIFY with 2xx, or the re-INVITE answered 200. */
  COMPLETED,
  /** The REFER was refused, a NOTIFY reported a failure, or the target did not take the call. */
  FAILED;

  private static final Map<TransferState, Set<TransferState>> LEGAL =
      Map.of(
          REFER_SENT, Set.of(ACCEPTED, COMPLETED, FAILED),
          ACCEPTED, Set.of(COMPLETED, FAILED),
          TARGET_RINGING, Set.of(REINVITING, FAILED),
          REINVITING, Set.of(COMPLETED, FAILED),
          COMPLETED, Set.of(),
          FAILED, Set.of());

  boolean canMoveTo(TransferState next) {
    return LEGAL.get(this).contains(next);
  }

  boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }

  /** Whether a NOTIFY of the REFER's subscription is expected in this state. */
  boolean awaitsNotify() {
    return this == REFER_SENT || this == ACCEPTED;
  }
}
