package io.tandem.server.extend;

import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.flow.Prompt;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.extend.ExtendCalls;
import io.tandem.graph.extend.ExtendSettings;
import io.tandem.graph.extend.OfferMode;
import io.tandem.graph.extend.PromptLocator;
import io.tandem.server.api.CallControlSource;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.prompts.PromptCatalog;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.voicemail.VoicemailIntakes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The bot of the Microsoft tenant this server is connected to: builds the Graph adapter's {@link
 * ExtendCalls} for the Tandem tenant it serves, attached as a listener of that tenant, on the first
 * notification (the tenant may be created after start-up, e.g. by the demo).
 */
public final class ExtendChannel implements AutoCloseable, CallControlSource {

  /** The path Graph posts call notifications to, below the public base URL. */
  public static final String NOTIFICATIONS_PATH = "/api/microsoft/graph/calls";

  private final MicrosoftConnection microsoft;
  private final ExtendProperties properties;
  private final TenantRegistry tenants;
  private final PromptCatalog prompts;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final VoicemailIntakes voicemail;
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private @Nullable ExtendCalls calls;

  ExtendChannel(
      MicrosoftConnection microsoft,
      ExtendProperties properties,
      TenantRegistry tenants,
      PromptCatalog prompts,
      Clock clock,
      ScheduledExecutorService timers,
      VoicemailIntakes voicemail) {
    this.microsoft = microsoft;
    this.properties = properties;
    this.tenants = tenants;
    this.prompts = prompts;
    this.clock = clock;
    this.timers = timers;
    this.voicemail = voicemail;
  }

  /** The (refusing) call control of the bot's calls, once it runs, for the tenant it serves. */
  @Override
  public Optional<CallControl> callControl(TenantId tenant) {
    ExtendCalls running = calls;
    return tenant.equals(microsoft.tandemTenant()) && running != null
        ? Optional.of(running)
        : Optional.empty();
  }

  /** Where Graph sends the notifications of the calls the bot answers and places. */
  public URI callbackUri() {
    return URI.create(
        microsoft.publicBaseUrl().toString().replaceAll("/+$", "") + NOTIFICATIONS_PATH);
  }

  /** Hands the signals of one notification body to the bot. */
  public void received(List<CallSignal> signals) {
    calls().received(signals);
  }

  /** Calls the bot holds or watches now (0 before the first notification). */
  public int activeCalls() {
    ExtendCalls running = calls;
    return running == null ? 0 : running.activeCalls();
  }

  private synchronized ExtendCalls calls() {
    ExtendCalls running = calls;
    if (running != null) {
      return running;
    }
    RunningTenant tenant = tenants.tenant(microsoft.tandemTenant());
    String entryFlow = properties.entryFlow();
    ExtendCalls created =
        new ExtendCalls(
            new ExtendSettings(
                microsoft.tenantId(),
                callbackUri(),
                t -> t.flow(entryFlow),
                properties.keepAliveInterval(),
                Duration.ofMinutes(1),
                OfferMode.parse(properties.offerMode())),
            new GraphCallsApi(microsoft.calls()),
            tenant::ask,
            new CatalogPrompts(prompts),
            lanes,
            new MailboxScheduler(clock, timers, Runnable::run),
            clock,
            voicemail.of(microsoft.tandemTenant()));
    tenant.tell(t -> t.addListener(created)).join();
    calls = created;
    return created;
  }

  @Override
  public void close() {
    lanes.shutdownNow();
  }

  /** The server's prompt catalogue as the adapter's port. */
  private record CatalogPrompts(PromptCatalog catalog) implements PromptLocator {
    @Override
    public URI uriOf(Prompt prompt, @Nullable String language) {
      return catalog.uriOf(prompt, language);
    }

    @Override
    public List<URI> announcement(int position, @Nullable Duration expectedWait) {
      return catalog.announcement(position, expectedWait);
    }
  }
}
