package io.tandem.sip.media;

import io.tandem.core.flow.FlowDecisions;
import io.tandem.core.skill.SkillExpression;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a flow run decides, as short strings such as {@code routeToQueue:support}. */
final class RecordingFlowDecisions implements FlowDecisions {

  private final List<String> decisions = new CopyOnWriteArrayList<>();

  List<String> decisions() {
    return List.copyOf(decisions);
  }

  @Override
  public void attributesChanged(Map<String, String> changed) {
    decisions.add("attributes:" + new TreeMap<>(changed));
  }

  @Override
  public void priorityChanged(int priority) {
    decisions.add("priority:" + priority);
  }

  @Override
  public void skillsChanged(SkillExpression skills) {
    decisions.add("skills:" + skills);
  }

  @Override
  public void languageChanged(String language) {
    decisions.add("language:" + language);
  }

  @Override
  public void routeToQueue(String queue, OptionalInt priority) {
    decisions.add("routeToQueue:" + queue);
  }

  @Override
  public void transferToNumber(String e164) {
    decisions.add("transfer:" + e164);
  }

  @Override
  public void voicemail(String mailbox) {
    decisions.add("voicemail:" + mailbox);
  }

  @Override
  public void callbackRequested(String number) {
    decisions.add("callback:" + number);
  }

  @Override
  public void hungUp(String reason) {
    decisions.add("hungUp:" + reason);
  }
}
