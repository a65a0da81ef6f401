package io.tandem.emulator.acs;

import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import io.tandem.emulator.world.ResourceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A PSTN call ringing a resource account linked to an ACS resource: what the IncomingCall event
 * describes (with the custom context the call carries), until the application answers, rejects or
 * redirects it, the caller hangs up, or the ring timeout passes. When another call rang it (a
 * transfer or an added participant), that call hears the outcome through {@link #whenSettled}.
 */
final class IncomingCall {

  private final String correlationId = UUID.randomUUID().toString();
  private final String serverCallId;
  private final AcsResource resource;
  private final ResourceAccount resourceAccount;
  private final CallerScript caller;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private final CustomContext customContext;
  private IncomingCallState state = IncomingCallState.RINGING;
  private Settlement settlement = Settlement.NONE;
  private String rejectReason = "none";

  /** Hears how the ringing ended: answered (with the new call connection) or not. */
  interface Settlement {
    Settlement NONE = new Settlement() {};

    default void answered(AcsCall call) {}

    default void unanswered(IncomingCallState how) {}
  }

  private final java.time.Instant dialledAt;

  IncomingCall(
      AcsResource resource,
      ResourceAccount resourceAccount,
      CallerScript caller,
      java.time.Instant dialledAt,
      CustomContext customContext) {
    this.dialledAt = dialledAt;
    this.customContext = customContext;
    this.resource = resource;
    this.resourceAccount = resourceAccount;
    this.caller = caller;
    this.serverCallId =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("emulator/conv/" + correlationId)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  String correlationId() {
    return correlationId;
  }

  java.time.Instant dialledAt() {
    return dialledAt;
  }

  String serverCallId() {
    return serverCallId;
  }

  AcsResource resource() {
    return resource;
  }

  ResourceAccount resourceAccount() {
    return resourceAccount;
  }

  CallerScript caller() {
    return caller;
  }

  CustomContext customContext() {
    return customContext;
  }

  /** Rejects the call with {@code reason} (none, busy, forbidden) if it still rings. */
  boolean reject(String reason) {
    synchronized (this) {
      if (state == IncomingCallState.RINGING) {
        rejectReason = reason;
      }
    }
    return moveTo(IncomingCallState.REJECTED);
  }

  synchronized String rejectReason() {
    return rejectReason;
  }

  synchronized void whenSettled(Settlement settlement) {
    this.settlement = settlement;
  }

  /** The application answered: {@code call} is its new connection. */
  void answeredAs(AcsCall call) {
    Settlement told;
    synchronized (this) {
      told = settlement;
    }
    told.answered(call);
  }

  synchronized IncomingCallState state() {
    return state;
  }

  synchronized void addTimer(Scheduler.Timer timer) {
    timers.add(timer);
  }

  /**
   * Moves to {@code next} if the call still rings; cancels its timers. Anything but {@code
   * answered} is told to the {@link Settlement} (outside the lock).
   */
  boolean moveTo(IncomingCallState next) {
    Settlement told;
    synchronized (this) {
      if (!state.canMoveTo(next)) {
        return false;
      }
      state = next;
      timers.forEach(Scheduler.Timer::cancel);
      timers.clear();
      told = settlement;
    }
    if (next != IncomingCallState.ANSWERED) {
      told.unanswered(next);
    }
    return true;
  }
}
