package io.tandem.core.flow;

import io.tandem.core.skill.SkillExpression;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The port through which a {@link FlowRun} tells the domain what the flow decided about its
 * interaction. The run changes no domain state itself; the interaction turns these calls into its
 * events.
 *
 * <p>Each flow ends with exactly one of {@link #routeToQueue}, {@link #transferToNumber}, {@link
 * #voicemail} or {@link #hungUp}, unless the caller hangs up first. Calls arrive on the mailbox
 * thread and must not call back into the run.
 */
public interface FlowDecisions {

  /** The flow set these attributes (only the ones that changed), e.g. from input or a lookup. */
  void attributesChanged(Map<String, String> changed);

  /** The flow set the interaction's own priority, 0-100. */
  void priorityChanged(int priority);

  /** The flow set the skills an agent needs to take the interaction. */
  void skillsChanged(SkillExpression skills);

  /** The flow set the language the caller is served in. */
  void languageChanged(String language);

  /** The flow ends by queueing the interaction, with its own priority if the node gave one. */
  void routeToQueue(String queue, OptionalInt priority);

  /** The flow ends by transferring the caller to {@code e164}. */
  void transferToNumber(String e164);

  /** The flow ends by letting the caller leave a message in {@code mailbox}. */
  void voicemail(String mailbox);

  /**
   * The caller accepted to be called back at {@code number} (E.164) instead of waiting. The flow
   * continues, usually to a {@link RouteToQueue} after which the interaction waits in the queue as
   * a callback and the call itself can end.
   */
  void callbackRequested(String number);

  /** The flow ends by hanging up, for {@code reason}. */
  void hungUp(String reason);
}
