package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.pstn.trunk.TrunkCallState.EndReason;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A trunk call as the control API shows it, taken at one moment. */
record TrunkCallSnapshot(
    String callId,
    String trunk,
    String from,
    String to,
    String requestUri,
    String transport,
    TrunkCallState state,
    @Nullable EndReason endReason,
    @Nullable String finalResponse,
    Instant dialledAt,
    @Nullable Instant answeredAt,
    @Nullable Instant endedAt,
    boolean earlyMedia,
    List<Pressed> digitsSent,
    List<Said> said,
    @Nullable Transfer transfer,
    Media media,
    HeardAudio.Stats heard) {

  /** A key the caller pressed (sent as RFC 4733). */
  record Pressed(Instant at, char digit) {}

  /** A sentence the caller said (journalled, not synthesised). */
  record Said(Instant at, String text) {}

  /**
   * A REFER the caller accepted: its Refer-To, the number it names, whether the emulator could
   * follow it ({@code emulated}), the new call's id, and the final status reported by NOTIFY (0
   * while the new call is being set up).
   */
  record Transfer(
      String referTo,
      @Nullable String target,
      boolean emulated,
      @Nullable String newCallId,
      int status) {

    /** Whether the transfer succeeded or may still: a BYE now ends the call as transferred. */
    boolean succeededOrPending() {
      return status == 0 || (status >= 200 && status < 300);
    }

    Transfer withOutcome(@Nullable String callId, int finalStatus) {
      return new Transfer(referTo, target, emulated, callId, finalStatus);
    }
  }

  /** The caller's RTP: where it sends, the law, whether held, packets sent. */
  record Media(@Nullable String remote, String law, boolean held, long packetsSent) {}
}
