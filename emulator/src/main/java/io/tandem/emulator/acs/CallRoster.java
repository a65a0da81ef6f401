package io.tandem.emulator.acs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What every connection to one call shares: the participants (the applications not among them), the
 * connected legs the call rang, the scripted PSTN caller, and the connections that joined the call
 * by connect. Guarded by its own lock, which is taken last and never held while calling out.
 */
final class CallRoster {

  private final Map<String, CallParticipant> participants = new LinkedHashMap<>();
  private final Map<String, Ringer.Ring> legs = new LinkedHashMap<>();
  private final List<AcsCall> joiners = new CopyOnWriteArrayList<>();
  private @Nullable ScriptedCaller caller;

  synchronized void add(CommunicationIdentifier identifier) {
    participants.put(identifier.rawId(), new CallParticipant(identifier, false, false));
  }

  synchronized Optional<CallParticipant> participant(String rawId) {
    return Optional.ofNullable(participants.get(rawId));
  }

  synchronized List<CallParticipant> participants() {
    return List.copyOf(participants.values());
  }

  synchronized void change(String rawId, UnaryOperator<CallParticipant> change) {
    CallParticipant current = participants.get(rawId);
    if (current != null) {
      participants.put(rawId, change.apply(current));
    }
  }

  synchronized boolean remove(String rawId) {
    return participants.remove(rawId) != null;
  }

  synchronized void leg(String rawId, Ringer.Ring ring) {
    legs.put(rawId, ring);
  }

  synchronized Optional<Ringer.Ring> removeLeg(String rawId) {
    return Optional.ofNullable(legs.remove(rawId));
  }

  synchronized List<Ringer.Ring> removeLegs() {
    List<Ringer.Ring> all = List.copyOf(legs.values());
    legs.clear();
    return all;
  }

  synchronized void caller(ScriptedCaller scripted) {
    this.caller = scripted;
  }

  synchronized @Nullable ScriptedCaller caller() {
    return caller;
  }

  void join(AcsCall joiner) {
    joiners.add(joiner);
  }

  void leave(AcsCall joiner) {
    joiners.remove(joiner);
  }

  /** The connections that joined by connect and are still on the call. */
  List<AcsCall> joiners() {
    return List.copyOf(joiners);
  }
}
