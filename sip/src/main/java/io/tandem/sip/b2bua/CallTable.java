package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The node's legs by SIP Call-ID and its caller calls by interaction, with a count of the callers'
 * calls in the table that admission holds under a limit ({@link #addCaller}). Thread-safe.
 */
final class CallTable {

  /** What {@link #addCaller} did. */
  enum CallerAdded {
    /** The call holds its Call-ID now: start it. */
    ADDED,
    /** Another leg holds the Call-ID (a retransmitted INVITE raced it): nothing added. */
    CALL_ID_TAKEN,
    /** The node holds its limit of callers' calls: nothing added. */
    AT_CAPACITY
  }

  private final Map<String, SipLeg> legs = new ConcurrentHashMap<>();
  private final Map<InteractionId, CarrierCall> byInteraction = new ConcurrentHashMap<>();
  private final AtomicInteger callers = new AtomicInteger();

  void add(String callId, SipLeg leg) {
    SipLeg replaced = legs.put(callId, leg);
    counted(leg, +1);
    if (replaced != null) {
      counted(replaced, -1);
    }
  }

  /** Adds the leg unless the Call-ID is taken; returns the leg that holds it. */
  SipLeg addIfAbsent(String callId, SipLeg leg) {
    SipLeg earlier = legs.putIfAbsent(callId, leg);
    if (earlier == null) {
      counted(leg, +1);
    }
    return earlier == null ? leg : earlier;
  }

  /**
   * Adds a caller's call unless the Call-ID is taken or {@code limit} callers' calls are in the
   * table already; the count and the table never disagree for longer than this call.
   */
  CallerAdded addCaller(String callId, CarrierCall call, int limit) {
    int now;
    do {
      now = callers.get();
      if (now >= limit) {
        return CallerAdded.AT_CAPACITY;
      }
    } while (!callers.compareAndSet(now, now + 1));
    if (legs.putIfAbsent(callId, call) != null) {
      callers.decrementAndGet();
      return CallerAdded.CALL_ID_TAKEN;
    }
    return CallerAdded.ADDED;
  }

  @Nullable SipLeg leg(String callId) {
    return legs.get(callId);
  }

  void remove(String callId, SipLeg leg) {
    if (legs.remove(callId, leg)) {
      counted(leg, -1);
    }
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

  /** Caller calls in progress: taken in by their tenant. */
  int calls() {
    return byInteraction.size();
  }

  /** Callers' calls in the table: admitted, from their INVITE to their end. */
  int callers() {
    return callers.get();
  }

  private void counted(SipLeg leg, int change) {
    if (leg instanceof CarrierCall) {
      callers.addAndGet(change);
    }
  }

  /** Legs of any kind in the table (caller calls, agent and forward legs, Teams users' calls). */
  int legs() {
    return legs.size();
  }
}
