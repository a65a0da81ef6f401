package io.tandem.core.flow;

import java.time.Duration;

/**
 * The port through which a {@link FlowRun} looks up data over HTTP, for an {@link HttpLookup} node.
 *
 * <p>{@link #lookup} returns at once. The adapter performs the request off the mailbox thread and
 * reports, on the mailbox thread, {@link FlowRun#onLookupResult} with the answer's fields, or
 * {@link FlowRun#onLookupFailed} when the request fails, answers with an error or outlasts the
 * timeout.
 */
public interface DataLookup {

  /**
   * Starts a lookup.
   *
   * @param url the node's URL with its placeholders replaced (percent-encoded)
   * @param timeout after which the adapter gives up and reports a failure with reason {@code
   *     timeout}
   */
  void lookup(String url, Duration timeout);
}
