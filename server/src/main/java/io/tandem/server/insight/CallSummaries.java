package io.tandem.server.insight;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.insight.CallRecord;
import io.tandem.core.insight.CallSummarizer;
import io.tandem.core.insight.CallSummary;
import io.tandem.core.insight.ExtractiveSummarizer;
import io.tandem.core.insight.SummaryUnavailableException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.RunningTenant;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarizes every interaction once it is finished, and records the summary on it ({@code
 * interaction.Summarized}).
 *
 * <p>Finished means gone from the tenant's live state. Every summary waits {@code settleTime} after
 * the finishing event first: live transcription lags the call, and its last segments (still
 * attached to the interaction for a while after it ended) belong in the summary. The events that
 * can finish an interaction are {@code WrapUpCompleted}, {@code Disconnected} without wrap-up,
 * {@code Abandoned}, {@code Ended} and {@code Failed}; after each, a virtual thread asks the tenant
 * whether the interaction is still live (an agent's wrap-up after a transfer to a queue ends only
 * the agent's part) and, if not, reads its timeline from the log, summarizes it and records the
 * summary through the tenant's mailbox. An interaction that has a summary already, or whose summary
 * is being written (two finishing events), is not summarized again.
 *
 * <p>When the configured summarizer fails (error, timeout, nonsense), the extractive one writes the
 * summary instead and says so: {@code extractive (openai failed: timeout)}. A summary is lost only
 * when the interaction cannot be read or no longer takes insights (see {@code InsightCommands}).
 *
 * <p>Threading: {@link #on} runs on the tenant's writer and only starts a virtual thread; at most
 * {@code maxConcurrent} summaries are written at once, the others wait their turn, and none before
 * {@link #start}.
 */
public final class CallSummaries implements EventFeed.Subscriber, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallSummaries.class);

  /** How many summarized interactions are remembered, so that two finishing events write one. */
  private static final int REMEMBERED = 100_000;

  private final Function<TenantId, @Nullable RunningTenant> tenants;
  private final EventHistory history;
  private final CallSummarizer summarizer;
  private final String summarizerName;
  private final ExtractiveSummarizer fallback = new ExtractiveSummarizer();
  private final Semaphore turns;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Duration settleTime;
  private final Set<String> claimed =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED;
            }
          });
  private final ScheduledExecutorService settling =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("summary-settling").factory());

  /**
   * @param tenants the running tenant of an id, or null
   * @param summarizer what writes summaries
   * @param summarizerName its short name in fallback notes, e.g. {@code openai}
   * @param settleTime how long a summary waits after the interaction finished
   */
  public CallSummaries(
      Function<TenantId, @Nullable RunningTenant> tenants,
      EventHistory history,
      CallSummarizer summarizer,
      String summarizerName,
      int maxConcurrent,
      Duration settleTime) {
    this.tenants = tenants;
    this.history = history;
    this.summarizer = summarizer;
    this.summarizerName = summarizerName;
    this.turns = new Semaphore(maxConcurrent);
    this.settleTime = settleTime;
  }

  @Override
  public void on(LoggedEvent logged) {
    if (mayFinish(logged.event())) {
      InteractionId id = ((InteractionEvent) logged.event()).interaction();
      Runnable summarize = () -> summarizeIfFinished(logged.tenant(), id);
      if (settleTime.isZero()) {
        workers.execute(summarize);
      } else {
        settling.schedule(
            () -> workers.execute(summarize), settleTime.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  static boolean mayFinish(TenantEvent event) {
    return switch (event) {
      case InteractionEvent.WrapUpCompleted e -> true;
      case InteractionEvent.Disconnected e -> e.wrapUpUntil() == null;
      case InteractionEvent.Abandoned e -> true;
      case InteractionEvent.Ended e -> true;
      case InteractionEvent.Failed e -> true;
      default -> false;
    };
  }

  private void summarizeIfFinished(TenantId tenantId, InteractionId id) {
    try {
      started.await();
      turns.acquire();
    } catch (InterruptedException e) {
      return;
    }
    try {
      RunningTenant tenant = tenants.apply(tenantId);
      if (tenant == null || tenant.ask(t -> t.state().interaction(id) != null).join()) {
        return;
      }
      List<InteractionEvent> timeline =
          history.ofInteraction(tenantId, id).stream()
              .map(LoggedEvent::event)
              .filter(InteractionEvent.class::isInstance)
              .map(InteractionEvent.class::cast)
              .toList();
      if (timeline.isEmpty()
          || timeline.stream().anyMatch(InteractionEvent.Summarized.class::isInstance)
          || !claim(tenantId, id)) {
        return;
      }
      CallSummary summary = summarize(CallRecord.from(timeline));
      tenant.tell(t -> t.insights().summarized(id, summary)).join();
    } catch (RuntimeException e) {
      LOG.warn("Interaction {} of tenant {} was not summarized: {}", id, tenantId, e.toString());
    } finally {
      turns.release();
    }
  }

  /** Whether this is the first attempt to summarize the interaction (of those remembered). */
  private boolean claim(TenantId tenant, InteractionId id) {
    synchronized (claimed) {
      return claimed.add(tenant.value() + "/" + id.value());
    }
  }

  /** The summary by the configured summarizer, or the extractive one's when that fails. */
  CallSummary summarize(CallRecord call) {
    String reason;
    try {
      return summarizer.summarize(call);
    } catch (SummaryUnavailableException e) {
      reason = e.getMessage();
    } catch (RuntimeException e) {
      reason = e.getClass().getSimpleName();
      LOG.warn("Summarizer {} broke on interaction {}", summarizerName, call.interaction(), e);
    }
    LOG.info(
        "Summarizer {} failed on interaction {} ({}); the extractive summary stands in",
        summarizerName,
        call.interaction(),
        reason);
    return fallback
        .summarize(call)
        .by(ExtractiveSummarizer.NAME + " (" + summarizerName + " failed: " + reason + ")");
  }

  /**
   * Starts writing summaries, once every tenant is recovered; those heard before (interactions
   * failed {@code lost-on-restart} by recovery) wait until then.
   */
  public void start() {
    started.countDown();
  }

  /** Stops writing summaries; those under way are interrupted. */
  @Override
  public void close() {
    settling.shutdownNow();
    workers.shutdownNow();
  }
}
