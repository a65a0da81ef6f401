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
 * describes, until the application answers, rejects or redirects it, the caller hangs up, or the
 * ring timeout passes.
 */
final class IncomingCall {

  private final String correlationId = UUID.randomUUID().toString();
  private final String serverCallId;
  private final AcsResource resource;
  private final ResourceAccount resourceAccount;
  private final CallerScript caller;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private IncomingCallState state = IncomingCallState.RINGING;

  private final java.time.Instant dialledAt;

  IncomingCall(
      AcsResource resource,
      ResourceAccount resourceAccount,
      CallerScript caller,
      java.time.Instant dialledAt) {
    this.dialledAt = dialledAt;
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

  synchronized IncomingCallState state() {
    return state;
  }

  synchronized void addTimer(Scheduler.Timer timer) {
    timers.add(timer);
  }

  /** Moves to {@code next} if the call still rings; cancels its timers. */
  synchronized boolean moveTo(IncomingCallState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    timers.forEach(Scheduler.Timer::cancel);
    timers.clear();
    return true;
  }
}
