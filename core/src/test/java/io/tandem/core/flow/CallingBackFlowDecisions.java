package io.tandem.core.flow;

import io.tandem.core.skill.SkillExpression;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Fakes a domain port that breaks the mailbox rule: when told of changed attributes it calls
 * straight back into the run, instead of posting to the mailbox. Every other decision is dropped.
 */
final class CallingBackFlowDecisions implements FlowDecisions {

  private final Consumer<FlowRun> callBack;
  private FlowRun run;

  CallingBackFlowDecisions(Consumer<FlowRun> callBack) {
    this.callBack = callBack;
  }

  /** The run to call back into. */
  void callBackInto(FlowRun run) {
    this.run = run;
  }

  @Override
  public void attributesChanged(Map<String, String> changed) {
    callBack.accept(run);
  }

  @Override
  public void priorityChanged(int priority) {}

  @Override
  public void skillsChanged(SkillExpression skills) {}

  @Override
  public void languageChanged(String language) {}

  @Override
  public void routeToQueue(String queue, OptionalInt priority) {}

  @Override
  public void transferToNumber(String e164) {}

  @Override
  public void voicemail(String mailbox) {}

  @Override
  public void callbackRequested(String number) {}

  @Override
  public void hungUp(String reason) {}
}
