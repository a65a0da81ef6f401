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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * The way into Call Automation: PSTN calls to the phone number of a resource account linked to an
 * ACS resource, and transfers and invitations from other calls to such an account, ring that
 * resource's application through an IncomingCall event (Teams Phone extensibility form: {@code to}
 * is {@code {"kind":"unknown","rawId":"28:orgid:<resource account>"}}) carrying the call's custom
 * context. A call rings for {@link #RING_TIMEOUT} at most, or until the caller's patience (or the
 * ringing call's timeout) runs out.
 */
final class AcsPstnTerminator implements PstnTerminator {

  /** How long an incoming call rings the application before it is given up. */
  static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

  /** What a call that rang an application hears when that application redirected it. */
  static final ResultInformation REDIRECTED =
      new ResultInformation(
          487, 0, "The application redirected the call; the emulator does not follow it.");

  private final World world;
  private final Calls calls;
  private final IncomingCallContexts contexts;
  private final EventGrid eventGrid;
  private final Scheduler scheduler;
  private final Journal journal;
  private final IncomingCustomContexts customContexts;

  AcsPstnTerminator(
      World world,
      Calls calls,
      IncomingCallContexts contexts,
      EventGrid eventGrid,
      Scheduler scheduler,
      Journal journal,
      IncomingCustomContexts customContexts) {
    this.customContexts = customContexts;
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
    CustomContext custom = customContexts.take(script.to());
    IncomingCall call = new IncomingCall(resource, account.get(), script, scheduler.now(), custom);
    calls.ringing(call);
    Map<String, String> dialled = new java.util.HashMap<>(custom.journalAttributes());
    dialled.putAll(
        Map.of("from", script.from(), "to", script.to(), "resourceAccount", account.get().id()));
    journal.event(Channel.WORLD, "caller.dialled", call.correlationId(), dialled);
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

  /** The resource account linked to ACS that {@code target} names (28:orgid id or phone number). */
  Optional<ResourceAccount> acsAccount(CommunicationIdentifier target) {
    Optional<ResourceAccount> account =
        target.isPhone()
            ? world.resourceAccountByPhone(target.phoneNumber())
            : world.tenants().stream()
                .flatMap(tenant -> tenant.resourceAccounts().stream())
                .filter(ra -> target.rawId().equalsIgnoreCase("28:orgid:" + ra.id()))
                .findFirst();
    return account
        .filter(ResourceAccount::linkedToAcs)
        .filter(ra -> ra.phoneNumber() != null)
        .filter(
            ra ->
                world
                    .acsResource(java.util.Objects.requireNonNull(ra.acsResourceId()))
                    .isPresent());
  }

  /**
   * Rings the application of {@code account} for another call (transfer, add participant): an
   * IncomingCall from {@code from} carrying {@code custom}, for {@code timeout} (at most {@link
   * #RING_TIMEOUT}); how it ends goes to {@code listener}. Answered, the new call connection's
   * caller is the party the other call sent; hanging up the returned ring takes that party out of
   * the new call, and the new call's end is the listener's {@code hungUp}.
   */
  Ringer.Ring offer(
      String ringingCallId,
      ResourceAccount account,
      String from,
      CustomContext custom,
      Duration timeout,
      Ringer.Listener listener) {
    AcsResource resource =
        world.acsResource(java.util.Objects.requireNonNull(account.acsResourceId())).orElseThrow();
    CallerScript script =
        new CallerScript(
            from,
            java.util.Objects.requireNonNull(account.phoneNumber()),
            null,
            List.of(),
            List.of(),
            null,
            null);
    IncomingCall call = new IncomingCall(resource, account, script, scheduler.now(), custom);
    AtomicReference<AcsCall> connection = new AtomicReference<>();
    Ringer.Ring ring =
        new Ringer.Ring() {
          @Override
          public boolean cancel() {
            if (call.moveTo(IncomingCallState.ABANDONED)) {
              calls.stopRinging(call);
              journal.event(Channel.ACS, "acs.offerCancelled", call.correlationId(), Map.of());
              return true;
            }
            return false;
          }

          @Override
          public void hangUp() {
            AcsCall answered = connection.get();
            if (answered != null) {
              calls.participantLeft(answered, CommunicationIdentifier.phone(from));
            }
          }
        };
    call.whenSettled(
        new IncomingCall.Settlement() {
          @Override
          public void answered(AcsCall answered) {
            connection.set(answered);
            answered.whenDisconnected(listener::hungUp);
            listener.answered(ring);
          }

          @Override
          public void unanswered(IncomingCallState how) {
            switch (how) {
              case REJECTED ->
                  listener.failed(
                      call.rejectReason().equals("busy")
                          ? ResultInformation.BUSY
                          : ResultInformation.DECLINED);
              case TIMED_OUT -> listener.failed(ResultInformation.NO_ANSWER);
              case REDIRECTED -> listener.failed(REDIRECTED);
              default -> {}
            }
          }
        });
    calls.ringing(call);
    Map<String, String> offered = new java.util.HashMap<>(custom.journalAttributes());
    offered.putAll(
        Map.of(
            "from", from, "resourceAccount", account.id(), "correlationId", call.correlationId()));
    journal.event(Channel.ACS, "acs.offered", ringingCallId, offered);
    Duration ringFor = timeout.compareTo(RING_TIMEOUT) < 0 ? timeout : RING_TIMEOUT;
    call.addTimer(
        scheduler.schedule(
            ringFor, () -> end(call, IncomingCallState.TIMED_OUT, "call.ringTimedOut")));
    eventGrid.deliver(
        resource,
        call.correlationId(),
        incomingCallEvent(call),
        () -> call.state() == IncomingCallState.RINGING);
    return ring;
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
    data.set("customContext", call.customContext().toJson());
    data.put("incomingCallContext", contexts.issue(call, scheduler.now().getEpochSecond()));
    data.put("correlationId", call.correlationId());
    event.put("eventType", "Microsoft.Communication.IncomingCall");
    event.put("dataVersion", "1.0");
    event.put("metadataVersion", "1");
    event.put("eventTime", scheduler.now().toString());
    return event;
  }
}
