package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import io.tandem.emulator.world.ResourceAccount;
import io.tandem.emulator.world.World;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PSTN's way into Call Automation: calls to the phone number of a resource account linked to an
 * ACS resource ring that resource's application through an IncomingCall event (Teams Phone
 * extensibility form: {@code to} is {@code {"kind":"unknown","rawId":"28:orgid:<resource
 * account>"}}). The call rings for {@link #RING_TIMEOUT} at most, or until the caller's patience
 * runs out.
 */
final class AcsPstnTerminator implements PstnTerminator {

  /** How long an incoming call rings the application before it is given up. */
  static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

  private final World world;
  private final Calls calls;
  private final IncomingCallContexts contexts;
  private final EventGrid eventGrid;
  private final Scheduler scheduler;
  private final Journal journal;

  AcsPstnTerminator(
      World world,
      Calls calls,
      IncomingCallContexts contexts,
      EventGrid eventGrid,
      Scheduler scheduler,
      Journal journal) {
    this.world = world;
    this.calls = calls;
    this.contexts = contexts;
    this.eventGrid = eventGrid;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  @Override
  public String name() {
    return "acs";
  }

  @Override
  public boolean serves(String e164) {
    return account(e164).isPresent();
  }

  private Optional<ResourceAccount> account(String e164) {
    return world
        .resourceAccountByPhone(e164)
        .filter(ResourceAccount::linkedToAcs)
        .filter(
            ra ->
                world
                    .acsResource(java.util.Objects.requireNonNull(ra.acsResourceId()))
                    .isPresent());
  }

  @Override
  public Optional<String> dial(CallerScript script) {
    Optional<ResourceAccount> account = account(script.to());
    if (account.isEmpty()) {
      return Optional.empty();
    }
    AcsResource resource =
        world
            .acsResource(java.util.Objects.requireNonNull(account.get().acsResourceId()))
            .orElseThrow();
    IncomingCall call = new IncomingCall(resource, account.get(), script, scheduler.now());
    calls.ringing(call);
    journal.event(
        Channel.WORLD,
        "caller.dialled",
        call.correlationId(),
        Map.of("from", script.from(), "to", script.to(), "resourceAccount", account.get().id()));
    call.addTimer(
        scheduler.schedule(
            RING_TIMEOUT, () -> end(call, IncomingCallState.TIMED_OUT, "call.ringTimedOut")));
    if (script.patience() != null && script.patience().compareTo(RING_TIMEOUT) < 0) {
      call.addTimer(
          scheduler.schedule(
              script.patience(),
              () -> end(call, IncomingCallState.ABANDONED, "caller.patienceExhausted")));
    }
    eventGrid.deliver(
        resource,
        call.correlationId(),
        incomingCallEvent(call),
        () -> call.state() == IncomingCallState.RINGING);
    return Optional.of(call.correlationId());
  }

  private void end(IncomingCall call, IncomingCallState state, String kind) {
    if (call.moveTo(state)) {
      calls.stopRinging(call);
      journal.event(Channel.WORLD, kind, call.correlationId(), Map.of());
    }
  }

  /** The IncomingCall event in Event Grid schema. */
  ObjectNode incomingCallEvent(IncomingCall call) {
    CallerScript script = call.caller();
    CommunicationIdentifier from = CommunicationIdentifier.phone(script.from());
    CommunicationIdentifier to =
        CommunicationIdentifier.resourceAccount(call.resourceAccount().id());
    ObjectNode event = Json.object();
    event.put("id", UUID.randomUUID().toString());
    event.put("topic", EventGrid.topic(call.resource()));
    event.put("subject", "/caller/" + from.rawId() + "/recipient/" + to.rawId());
    ObjectNode data = event.putObject("data");
    data.set("to", to.toJson());
    data.set("from", from.toJson());
    data.put("serverCallId", call.serverCallId());
    data.put("callerDisplayName", script.displayName() == null ? "" : script.displayName());
    ObjectNode custom = data.putObject("customContext");
    custom.putObject("sipHeaders");
    custom.putObject("voipHeaders");
    data.put("incomingCallContext", contexts.issue(call, scheduler.now().getEpochSecond()));
    data.put("correlationId", call.correlationId());
    event.put("eventType", "Microsoft.Communication.IncomingCall");
    event.put("dataVersion", "1.0");
    event.put("metadataVersion", "1");
    event.put("eventTime", scheduler.now().toString());
    return event;
  }
}
