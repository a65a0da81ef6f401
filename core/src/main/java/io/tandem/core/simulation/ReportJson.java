package io.tandem.core.simulation;

import java.time.Duration;

/** Writes a {@link SimulationReport} as JSON: durations in seconds, percentages 0-100. */
final class ReportJson {

  private ReportJson() {}

  static String write(SimulationReport report) {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("scenario").value(report.scenario());
    json.name("seed").value(report.seed());
    json.name("zone").value(report.zone().getId());
    json.name("start").value(report.start().toString());
    json.name("arrivalsClosed").value(report.arrivalsClosed().toString());
    json.name("end").value(report.end().toString());
    json.name("simulatedSeconds").value(seconds(Duration.between(report.start(), report.end())));
    json.name("arrivals").value(report.arrivals());
    json.name("events").value(report.events());
    json.name("unfinished").value(report.unfinished());
    json.name("queues").beginArray();
    report.kpis().queues().forEach(queue -> queue(json, queue));
    json.endArray();
    json.name("overall");
    queue(json, report.kpis().overall());
    json.name("agentTotals");
    agent(json, report.kpis().agentTotals());
    json.name("agentGroups").beginArray();
    report.groups().forEach(group -> agent(json, group));
    json.endArray();
    json.name("agents").beginArray();
    report.kpis().agents().forEach(agent -> agent(json, agent));
    json.endArray();
    return json.endObject().toString();
  }

  private static void queue(JsonWriter json, QueueKpis queue) {
    json.beginObject();
    json.name("queue").value(queue.queue());
    json.name("name").value(queue.name());
    json.name("offered").value(queue.offered());
    json.name("answered").value(queue.answered());
    json.name("answeredWithinThreshold").value(queue.answeredWithinThreshold());
    json.name("abandoned").value(queue.abandoned());
    json.name("abandonedWithinThreshold").value(queue.abandonedWithinThreshold());
    json.name("overflowed").value(queue.overflowed());
    json.name("callbacks").value(queue.callbacks());
    json.name("failed").value(queue.failed());
    json.name("waitingAtEnd").value(queue.waitingAtEnd());
    json.name("handled").value(queue.handled());
    json.name("serviceLevelThresholdSeconds");
    if (queue.serviceLevelThreshold() == null) {
      json.nullValue();
      json.name("serviceLevelTargetPercent").nullValue();
    } else {
      json.value(seconds(queue.serviceLevelThreshold()));
      json.name("serviceLevelTargetPercent").value(queue.serviceLevelTargetPercent());
    }
    json.name("serviceLevelPercent").value(queue.serviceLevelPercent());
    json.name("averageSpeedOfAnswerSeconds").value(seconds(queue.averageSpeedOfAnswer()));
    json.name("averageHandleTimeSeconds").value(seconds(queue.averageHandleTime()));
    json.name("averageTalkTimeSeconds").value(seconds(queue.averageTalkTime()));
    json.name("averageWrapUpTimeSeconds").value(seconds(queue.averageWrapUpTime()));
    json.name("longestWaitSeconds").value(seconds(queue.longestWait()));
    json.name("averageAbandonTimeSeconds").value(seconds(queue.averageAbandonTime()));
    json.name("abandonRatePercent").value(queue.abandonRatePercent());
    json.endObject();
  }

  private static void agent(JsonWriter json, AgentKpis agent) {
    json.beginObject();
    json.name("agent").value(agent.agent());
    json.name("agents").value(agent.agents());
    json.name("handled").value(agent.handled());
    json.name("loggedInSeconds").value(seconds(agent.loggedIn()));
    json.name("idleSeconds").value(seconds(agent.idle()));
    json.name("ringingSeconds").value(seconds(agent.ringing()));
    json.name("awaySeconds").value(seconds(agent.away()));
    json.name("talkSeconds").value(seconds(agent.talk()));
    json.name("wrapUpSeconds").value(seconds(agent.wrapUp()));
    json.name("notReadySeconds").value(seconds(agent.notReady()));
    json.name("occupancyPercent").value(agent.occupancyPercent());
    json.name("utilisationPercent").value(agent.utilisationPercent());
    json.endObject();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
