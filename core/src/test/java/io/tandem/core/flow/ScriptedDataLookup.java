package io.tandem.core.flow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fakes the HTTP lookup adapter: it records each request and, when the test calls {@link #answer},
 * delivers the next scripted outcome to the run, as the adapter would later on the mailbox thread.
 */
final class ScriptedDataLookup implements DataLookup {

  /** One lookup the run started. */
  record Request(String url, Duration timeout) {}

  private final List<Request> requests = new ArrayList<>();
  private final Deque<Consumer<FlowRun>> outcomes = new ArrayDeque<>();

  /** Scripts the next lookup to answer with {@code fields}. */
  ScriptedDataLookup answering(Map<String, String> fields) {
    outcomes.add(run -> run.onLookupResult(fields));
    return this;
  }

  /** Scripts the next lookup to fail for {@code reason}. */
  ScriptedDataLookup failing(String reason) {
    outcomes.add(run -> run.onLookupFailed(reason));
    return this;
  }

  /** Scripts the next lookup to outlast its timeout, which the adapter reports as a failure. */
  ScriptedDataLookup timingOut() {
    return failing("timeout");
  }

  @Override
  public void lookup(String url, Duration timeout) {
    requests.add(new Request(url, timeout));
  }

  /** Delivers the next scripted outcome to {@code run}. */
  void answer(FlowRun run) {
    outcomes.remove().accept(run);
  }

  /** The lookups started, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }
}
