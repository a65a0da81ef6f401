package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One offer of a caller to an agent over Graph: a call from the resource account to the agent's
 * Teams user, which rings until the agent answers, declines or is not reached, or Tandem cancels it
 * (the reservation's deadline, a withdrawal). Once answered, the caller's call is transferred onto
 * it. Confined to the caller call's lane.
 */
final class AgentOffer implements Offer {

  /** Where the agent's call is. */
  enum State {
    PLACING,
    RINGING,
    ANSWERED,
    JOINING,
    JOINED,
    ENDED;

    private static final Map<State, Set<State>> MOVES =
        Map.of(
            PLACING, EnumSet.of(RINGING, ANSWERED, ENDED),
            RINGING, EnumSet.of(ANSWERED, ENDED),
            ANSWERED, EnumSet.of(JOINING, ENDED),
            JOINING, EnumSet.of(JOINED, ANSWERED, ENDED),
            JOINED, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(State.class));

    boolean canMoveTo(State next) {
      return MOVES.get(this).contains(next);
    }
  }

  private static final System.Logger LOG = System.getLogger(AgentOffer.class.getName());

  private final ReservationId reservation;
  private final AgentId agent;
  private final GraphTarget.TeamsUser teamsUser;
  private final GraphCallsApi graph;
  private final Offer.Outcome outcome;
  private State state = State.PLACING;
  private @Nullable String callId;

  AgentOffer(
      ReservationId reservation,
      AgentId agent,
      GraphTarget.TeamsUser teamsUser,
      GraphCallsApi graph,
      Offer.Outcome outcome) {
    this.reservation = reservation;
    this.agent = agent;
    this.teamsUser = teamsUser;
    this.graph = graph;
    this.outcome = outcome;
  }

  @Override
  public ReservationId reservation() {
    return reservation;
  }

  @Override
  public AgentId agent() {
    return agent;
  }

  GraphTarget.TeamsUser teamsUser() {
    return teamsUser;
  }

  State state() {
    return state;
  }

  @Nullable String callId() {
    return callId;
  }

  /** The agent's call was created; later notifications about it come to {@link #signal}. */
  void placed(String agentCallId) {
    callId = agentCallId;
    if (state == State.PLACING) {
      move(State.RINGING);
    }
  }

  void signal(CallSignal signal) {
    switch (signal) {
      case CallSignal.StateChanged changed when changed.state().equals("established") -> {
        if (state == State.RINGING || state == State.PLACING) {
          move(State.ANSWERED);
          outcome.answered(this);
        }
      }
      case CallSignal.Terminated ended -> {
        State was = state;
        if (was == State.ENDED) {
          return;
        }
        move(State.ENDED);
        if (was == State.PLACING || was == State.RINGING || was == State.ANSWERED) {
          outcome.unreachable(this, ended.resultInfo());
        }
      }
      default -> {
        // establishing, roster and media notifications of the agent's call change nothing.
      }
    }
  }

  /** The caller's call is being transferred onto this one. */
  void joining() {
    move(State.JOINING);
  }

  /** The transfer completed: caller and agent talk, the bot's calls are gone. */
  void joined() {
    move(State.JOINED);
  }

  /** The transfer failed: the agent's call is still the bot's. */
  void joinFailed() {
    if (state == State.JOINING) {
      move(State.ANSWERED);
    }
  }

  /** Hangs the agent's call up unless the caller was handed to it; ends the offer. */
  @Override
  public void cancel() {
    if (state == State.ENDED || state == State.JOINED || state == State.JOINING) {
      return;
    }
    State was = state;
    move(State.ENDED);
    if (callId != null && was != State.PLACING) {
      try {
        graph.hangUp(callId);
      } catch (GraphException | RuntimeException failed) {
        LOG.log(System.Logger.Level.DEBUG, "could not hang up agent call " + callId, failed);
      }
    }
  }

  private void move(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("agent offer " + reservation + ": " + state + " → " + next);
    }
    state = next;
  }
}
