package io.tandem.core.tenant;

import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.InputRequest;
import io.tandem.core.flow.Prompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fakes a channel's media engine and a CRM: records what the flow plays, asks and looks up; the
 * test then reports outcomes to the run as the channel would.
 */
final class ScriptedCallerMedia implements FlowMedia, DataLookup {

  final List<String> log = new ArrayList<>();
  boolean stopped;

  @Override
  public void play(Prompt prompt) {
    log.add("play " + prompt);
  }

  @Override
  public void collect(InputRequest request) {
    log.add("collect " + request.getClass().getSimpleName());
  }

  @Override
  public void stop() {
    stopped = true;
    log.add("stop");
  }

  @Override
  public void lookup(String url, Duration timeout) {
    log.add("lookup " + url);
  }
}
