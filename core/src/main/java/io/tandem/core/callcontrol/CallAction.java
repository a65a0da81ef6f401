package io.tandem.core.callcontrol;

/** What the agent working an interaction asks of its call. */
public sealed interface CallAction {

  /** The action's name as the API writes it. */
  String name();

  /** Put the customer on hold (they hear hold music). */
  record Hold() implements CallAction {
    @Override
    public String name() {
      return "hold";
    }
  }

  /**
   * Take the customer off hold; during a consultation or a conference, the consulted party leaves
   * first.
   */
  record Resume() implements CallAction {
    @Override
    public String name() {
      return "resume";
    }
  }

  /** Call {@code target} while the customer holds; the consultation starts when they answer. */
  record Consult(CallTarget target) implements CallAction {
    public Consult {
      if (target instanceof CallTarget.Queue) {
        throw new IllegalArgumentException(
            "a consultation is with a person or a number, not a queue");
      }
    }

    @Override
    public String name() {
      return "consult";
    }
  }

  /** Bring the customer into the consultation: customer, agent and consulted party talk. */
  record Conference() implements CallAction {
    @Override
    public String name() {
      return "conference";
    }
  }

  /**
   * Hand the customer over: to a queue (the agent leaves, the customer waits for the next agent),
   * to a number or Teams user (blind: the target rings, the agent is done when they answer), or —
   * during a consultation or conference, with no target — to the consulted party (the agent leaves,
   * customer and consulted party talk on).
   */
  record Transfer(@org.jspecify.annotations.Nullable CallTarget target) implements CallAction {
    @Override
    public String name() {
      return "transfer";
    }
  }

  /** End the customer's call; the agent goes to wrap-up. */
  record HangUp() implements CallAction {
    @Override
    public String name() {
      return "hang-up";
    }
  }
}
