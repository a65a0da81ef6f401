package io.tandem.core.agent;

import io.tandem.core.Ids;

/** Identifies an agent: a person who handles interactions. */
public record AgentId(String value) {
  public AgentId {
    Ids.requireValid("agent id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
