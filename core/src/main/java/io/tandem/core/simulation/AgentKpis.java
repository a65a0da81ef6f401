package io.tandem.core.simulation;

import java.time.Duration;
import java.util.List;

/**
 * How one agent (or a group of agents, or all of them) spent their logged-in time.
 *
 * <p>Each logged-in moment is in exactly one bucket: {@code idle} (ready, Teams presence Available
 * or AvailableIdle, waiting for work), {@code away} (ready in Tandem but Teams presence elsewhere,
 * e.g. Busy in a meeting: no offers), {@code ringing} (an offer ringing), {@code talk} (connected
 * with a customer, holds included), {@code wrapUp}, and {@code notReady} (including after a missed
 * offer).
 *
 * @param agent the agent's id, or a group's name, or {@code all}
 * @param agents how many agents this row sums (1 for one agent)
 * @param handled interactions connected to the agent(s)
 * @param loggedIn total logged-in time
 * @param idle ready and available, no work
 * @param ringing offers ringing
 * @param away ready but Teams presence not available
 * @param talk connected with customers
 * @param wrapUp in wrap-up
 * @param notReady not ready
 * @param occupancyPercent {@code (talk + wrapUp) / (talk + wrapUp + idle + ringing) * 100}: how
 *     busy the agent was while available for work; {@code NaN} when never available
 * @param utilisationPercent {@code (talk + wrapUp) / loggedIn * 100}: share of logged-in time spent
 *     handling; {@code NaN} when never logged in
 */
public record AgentKpis(
    String agent,
    int agents,
    long handled,
    Duration loggedIn,
    Duration idle,
    Duration ringing,
    Duration away,
    Duration talk,
    Duration wrapUp,
    Duration notReady,
    double occupancyPercent,
    double utilisationPercent) {

  /** The row with these times, computing the percentages. */
  static AgentKpis of(
      String agent,
      int agents,
      long handled,
      long idle,
      long ringing,
      long away,
      long talk,
      long wrapUp,
      long notReady) {
    long loggedIn = idle + ringing + away + talk + wrapUp + notReady;
    long working = talk + wrapUp;
    return new AgentKpis(
        agent,
        agents,
        handled,
        Duration.ofNanos(loggedIn),
        Duration.ofNanos(idle),
        Duration.ofNanos(ringing),
        Duration.ofNanos(away),
        Duration.ofNanos(talk),
        Duration.ofNanos(wrapUp),
        Duration.ofNanos(notReady),
        percent(working, working + idle + ringing),
        percent(working, loggedIn));
  }

  /** One row summing {@code rows} under the label {@code agent}. */
  public static AgentKpis sum(String agent, List<AgentKpis> rows) {
    long handled = 0;
    long idle = 0;
    long ringing = 0;
    long away = 0;
    long talk = 0;
    long wrapUp = 0;
    long notReady = 0;
    int agents = 0;
    for (AgentKpis row : rows) {
      agents += row.agents;
      handled += row.handled;
      idle += row.idle.toNanos();
      ringing += row.ringing.toNanos();
      away += row.away.toNanos();
      talk += row.talk.toNanos();
      wrapUp += row.wrapUp.toNanos();
      notReady += row.notReady.toNanos();
    }
    return of(agent, agents, handled, idle, ringing, away, talk, wrapUp, notReady);
  }

  static double percent(long part, long whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }
}
