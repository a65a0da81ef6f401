package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The node's legs by SIP Call-ID and its caller calls by interaction. Thread-safe. */
final class CallTable {

  private final Map<String, SipLeg> legs = new ConcurrentHashMap<>();
  private final Map<InteractionId, CarrierCall> byInteraction = new ConcurrentHashMap<>();

  void add(String callId, SipLeg leg) {
    legs.put(callId, leg);
  }

  /** Adds the leg unless the Call-ID is taken; returns the leg that holds it. */
  SipLeg addIfAbsent(String callId, SipLeg leg) {
    SipLeg earlier = legs.putIfAbsent(callId, leg);
    return earlier == null ? leg : earlier;
  }

  @Nullable SipLeg leg(String callId) {
    return legs.get(callId);
  }

  void remove(String callId, SipLeg leg) {
    legs.remove(callId, leg);
  }

  void bind(InteractionId interaction, CarrierCall call) {
    byInteraction.put(interaction, call);
  }

  @Nullable CarrierCall call(InteractionId interaction) {
    return byInteraction.get(interaction);
  }

  void unbind(InteractionId interaction, CarrierCall call) {
    byInteraction.remove(interaction, call);
  }

  /** Caller calls in progress. */
  int calls() {
    return byInteraction.size();
  }

  /** Legs of any kind in the table (caller calls, agent and forward legs, Teams users' calls). */
  int legs() {
    return legs.size();
  }
}
