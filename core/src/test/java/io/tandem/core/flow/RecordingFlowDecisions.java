package io.tandem.core.flow;

import io.tandem.core.skill.SkillExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Fakes the domain a flow reports to: it records every decision, in order, as one readable line
 * such as {@code routeToQueue billing priority=7}.
 */
final class RecordingFlowDecisions implements FlowDecisions {

  private final List<String> log = new ArrayList<>();

  @Override
  public void attributesChanged(Map<String, String> changed) {
    log.add("attributesChanged " + changed);
  }

  @Override
  public void priorityChanged(int priority) {
    log.add("priorityChanged " + priority);
  }

  @Override
  public void skillsChanged(SkillExpression skills) {
    log.add("skillsChanged " + skills);
  }

  @Override
  public void languageChanged(String language) {
    log.add("languageChanged " + language);
  }

  @Override
  public void routeToQueue(String queue, OptionalInt priority) {
    log.add(
        "routeToQueue " + queue + (priority.isPresent() ? " priority=" + priority.getAsInt() : ""));
  }

  @Override
  public void transferToNumber(String e164) {
    log.add("transferToNumber " + e164);
  }

  @Override
  public void voicemail(String mailbox) {
    log.add("voicemail " + mailbox);
  }

  @Override
  public void callbackRequested(String number) {
    log.add("callbackRequested " + number);
  }

  @Override
  public void hungUp(String reason) {
    log.add("hungUp " + reason);
  }

  /** Every decision so far, in order. */
  List<String> log() {
    return List.copyOf(log);
  }

  /** The last decision. */
  String last() {
    return log.getLast();
  }
}
