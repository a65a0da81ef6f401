package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import io.tandem.core.skill.SkillExpression;
import java.util.Comparator;
import java.util.List;

/**
 * Offers to the best-skilled candidate: the highest sum of proficiencies over the skills the
 * queue's first stage names, then the longest idle. Widened stages thus still prefer strong agents.
 */
public final class SkillsProficiency implements RoutingStrategy {

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    SkillExpression ideal = candidates.idealSkills();
    Comparator<Agent> best =
        Comparator.comparingInt((Agent agent) -> ideal.score(agent.profile().skills()))
            .reversed()
            .thenComparing(Agent::readySince)
            .thenComparingInt(Agent::slot);
    BestFirst.pick(candidates, best, count, picked);
  }
}
