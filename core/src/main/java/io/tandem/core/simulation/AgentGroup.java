package io.tandem.core.simulation;

import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code count} agents with the same skills, shifts and habits. Their ids are the group name, a
 * dash and a three-digit number from 001: {@code billing-de-001}.
 *
 * @param name the group's name, a valid id prefix
 * @param count number of agents, at least 0
 * @param skills their skills and languages
 * @param shifts when they work; empty for logged in ready for the whole simulation
 * @param answerDelay time from an offer to the agent answering; {@link Distribution.Fixed} or
 *     {@link Distribution.Uniform}, always below every queue's ring timeout
 * @param noAnswerProbability probability (0-1) that the agent lets an offer ring out (RONA)
 * @param readyAgainAfter how long an agent who let an offer ring out stays not ready
 * @param presenceFlips how their Teams presence leaves Available; {@code null} for never
 */
public record AgentGroup(
    String name,
    int count,
    AgentSkills skills,
    List<Shift> shifts,
    Distribution answerDelay,
    double noAnswerProbability,
    Duration readyAgainAfter,
    @Nullable PresenceFlips presenceFlips) {
  public AgentGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(skills, "skills");
    shifts = List.copyOf(shifts);
    Objects.requireNonNull(answerDelay, "answerDelay");
    Objects.requireNonNull(readyAgainAfter, "readyAgainAfter");
  }

  /** Default answer delay: 3 s. */
  public static final Distribution DEFAULT_ANSWER_DELAY =
      new Distribution.Fixed(Duration.ofSeconds(3));

  /** Default time a RONA'd agent stays not ready: 30 s. */
  public static final Duration DEFAULT_READY_AGAIN_AFTER = Duration.ofSeconds(30);

  /** Agents logged in the whole time who answer after 3 s, always, and never change presence. */
  public static AgentGroup of(String name, int count, AgentSkills skills) {
    return new AgentGroup(
        name, count, skills, List.of(), DEFAULT_ANSWER_DELAY, 0, DEFAULT_READY_AGAIN_AFTER, null);
  }

  /** A copy with {@code value} as the count. */
  public AgentGroup withCount(int value) {
    return new AgentGroup(
        name,
        value,
        skills,
        shifts,
        answerDelay,
        noAnswerProbability,
        readyAgainAfter,
        presenceFlips);
  }

  /** A copy with these shifts. */
  public AgentGroup withShifts(List<Shift> value) {
    return new AgentGroup(
        name,
        count,
        skills,
        value,
        answerDelay,
        noAnswerProbability,
        readyAgainAfter,
        presenceFlips);
  }

  /** A copy with this answering behaviour. */
  public AgentGroup withAnswering(Distribution delay, double noAnswer, Duration readyAgain) {
    return new AgentGroup(name, count, skills, shifts, delay, noAnswer, readyAgain, presenceFlips);
  }

  /** A copy with these presence flips. */
  public AgentGroup withPresenceFlips(@Nullable PresenceFlips value) {
    return new AgentGroup(
        name, count, skills, shifts, answerDelay, noAnswerProbability, readyAgainAfter, value);
  }

  /** The id of the group's {@code index}-th agent (0-based). */
  public String agentId(int index) {
    String number = Integer.toString(index + 1);
    return name + "-" + "000".substring(Math.min(3, number.length())) + number;
  }
}
