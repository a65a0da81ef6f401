package io.tandem.server.agentapp;

import java.util.List;

/**
 * The not-ready reasons an agent picks from in the agent app ({@code
 * tandem.agent-app.not-ready-reasons}); empty lets the agent type any reason. The API takes any
 * reason of up to 100 characters either way.
 *
 * @param all the reasons, in the order the page lists them
 */
record NotReadyReasons(List<String> all) {

  NotReadyReasons {
    all = all.stream().map(String::strip).filter(reason -> !reason.isEmpty()).distinct().toList();
    for (String reason : all) {
      if (reason.length() > 100) {
        throw new IllegalArgumentException(
            "tandem.agent-app.not-ready-reasons: '" + reason + "' is longer than 100 characters");
      }
    }
  }
}
