package io.tandem.server.unify;

import io.tandem.acs.client.AcsConnectionString;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.IncomingCall;
import io.tandem.acs.events.RecordingFileReady;
import io.tandem.acs.streams.StreamFrame;
import io.tandem.acs.streams.TranscriptSink;
import io.tandem.acs.unify.CallbackLine;
import io.tandem.acs.unify.PromptSources;
import io.tandem.acs.unify.UnifyCalls;
import io.tandem.acs.unify.UnifySettings;
import io.tandem.core.callback.CallbackDialler;
import io.tandem.core.callback.CallbackPolicy;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.flow.Prompt;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.server.api.CallControlSource;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.prompts.PromptCatalog;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.unify.streams.AcsStreamsConfiguration;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The ACS Call Automation application of the Microsoft tenant this server is connected to: the Call
 * Automation client of its ACS resource, the validator of the resource's callback tokens, and the
 * {@link UnifyCalls} of the Tandem tenant it serves, built and attached on the first call (the
 * tenant may be created after start-up, e.g. by the demo). With the embedded emulator, the
 * resource's IncomingCall events are subscribed to Tandem once the server listens.
 */
public final class UnifyChannel
    implements AutoCloseable,
        ApplicationListener<WebServerInitializedEvent>,
        TranscriptSink,
        CallControlSource {

  /** Where Event Grid posts the resource's IncomingCall events. */
  public static final String INCOMING_CALLS_PATH = "/api/microsoft/acs/incoming-calls";

  /** Where Call Automation posts the mid-call callbacks. */
  public static final String CALLBACKS_PATH = "/api/microsoft/acs/callbacks";

  private static final Logger LOG = LoggerFactory.getLogger(UnifyChannel.class);

  private final MicrosoftConnection microsoft;
  private final UnifyProperties properties;
  private final CallbackProperties callbackProperties;
  private final TenantRegistry tenants;
  private final PromptCatalog prompts;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final @Nullable EmbeddedEmulator emulator;
  private final VoicemailIntakes voicemail;
  private final String resourceId;
  private final CallAutomationClient acs;
  private final MicrosoftTokenValidator callbackTokens;
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private volatile @Nullable URI publicBaseUrl;
  private @Nullable UnifyCalls calls;

  UnifyChannel(
      MicrosoftConnection microsoft,
      UnifyProperties properties,
      CallbackProperties callbackProperties,
      TenantRegistry tenants,
      PromptCatalog prompts,
      Clock clock,
      ScheduledExecutorService timers,
      @Nullable EmbeddedEmulator emulator,
      VoicemailIntakes voicemail) {
    this.microsoft = microsoft;
    this.voicemail = voicemail;
    this.properties = properties;
    this.callbackProperties = callbackProperties;
    this.tenants = tenants;
    this.prompts = prompts;
    this.clock = clock;
    this.timers = timers;
    this.emulator = emulator;
    String connectionString = properties.connectionString();
    String resource = properties.resourceId();
    URI openid = properties.callbacksOpenidConfiguration();
    if (emulator != null) {
      var world = emulator.acsResource(resource);
      String base = emulator.baseUrl().toString().replaceAll("/+$", "");
      if (connectionString == null || connectionString.isBlank()) {
        connectionString = "endpoint=" + base + "/;accesskey=" + world.accessKey();
      }
      resource = world.id();
      openid = URI.create(base + "/calling/.well-known/acsopenidconfiguration");
    }
    if (connectionString == null || connectionString.isBlank() || resource == null) {
      throw new IllegalStateException(
          "tandem.microsoft.unify.connection-string and tandem.microsoft.unify.resource-id are"
              + " required when tandem.microsoft.unify.enabled=true");
    }
    this.resourceId = resource;
    this.acs =
        CallAutomationClient.connect(
            AcsConnectionString.parse(connectionString), microsoft.http(), clock);
    this.callbackTokens =
        MicrosoftTokenValidator.forAcsCallbacks(openid, resource, microsoft.http(), clock);
  }

  /** Validates the Bearer token of ACS's callbacks and Event Grid deliveries. */
  public MicrosoftTokenValidator callbackTokens() {
    return callbackTokens;
  }

  /** Hands an IncomingCall to the channel, or refuses it if it is not for this server. */
  public void incoming(IncomingCall call) {
    List<String> served = properties.resourceAccounts();
    if (!served.isEmpty() && !served.contains(call.resourceAccountId())) {
      LOG.info("call to {} is not for this server; rejected", call.toRawId());
      calls().refuse(call);
      return;
    }
    calls().incoming(call);
  }

  /** Hands a RecordingFileStatusUpdated event (a stored recording) to the channel. */
  public void recordingFile(RecordingFileReady file) {
    calls().recordingFile(file);
  }

  /** Hands the events of one callback body to the channel. */
  public void received(List<CallEvent> events) {
    calls().received(events);
  }

  @Override
  public void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata) {
    running().ifPresent(unify -> unify.transcripts().metadata(callConnectionId, metadata));
  }

  @Override
  public void segment(String callConnectionId, StreamFrame.TranscriptionData data) {
    running().ifPresent(unify -> unify.transcripts().segment(callConnectionId, data));
  }

  @Override
  public void closed(String callConnectionId) {
    running().ifPresent(unify -> unify.transcripts().closed(callConnectionId));
  }

  /** Calls the application holds now (0 before the first call). */
  public int activeCalls() {
    UnifyCalls running = calls;
    return running == null ? 0 : running.activeCalls();
  }

  /** The control of this channel's calls, once it runs, for the tenant it serves. */
  @Override
  public Optional<CallControl> callControl(io.tandem.core.tenant.TenantId tenant) {
    return tenant.equals(tandemTenant())
        ? running().map(CallControl.class::cast)
        : Optional.empty();
  }

  /** The Tandem tenant this application serves. */
  public io.tandem.core.tenant.TenantId tandemTenant() {
    return microsoft.tandemTenant();
  }

  /** The channel, if it runs (after the first call). */
  public Optional<UnifyCalls> running() {
    return Optional.ofNullable(calls);
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return;
    }
    try {
      publicBaseUrl = microsoft.publicBaseUrl();
    } catch (IllegalStateException notYet) {
      publicBaseUrl = URI.create("http://localhost:" + event.getWebServer().getPort());
    }
    if (emulator != null) {
      URI webhook = publicUrl(INCOMING_CALLS_PATH);
      emulator.subscribeIncomingCalls(resourceId, webhook);
      LOG.info("Emulator's ACS resource {} posts IncomingCall events to {}", resourceId, webhook);
    }
  }

  private URI publicUrl(String path) {
    URI base = publicBaseUrl;
    if (base == null) {
      base = microsoft.publicBaseUrl();
    }
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  private synchronized UnifyCalls calls() {
    UnifyCalls running = calls;
    if (running != null) {
      return running;
    }
    RunningTenant tenant = tenants.tenant(microsoft.tandemTenant());
    String entryFlow = properties.entryFlow();
    UnifySettings settings =
        new UnifySettings(
            microsoft.tenantId(),
            resourceId,
            publicUrl(CALLBACKS_PATH),
            t -> t.flow(entryFlow),
            properties.invitationTimeout(),
            transcription(),
            properties.recordWithAgent(),
            Duration.ofMinutes(1));
    UnifyCalls created =
        new UnifyCalls(
            settings,
            acs,
            tenant::ask,
            new CatalogPrompts(prompts),
            lanes,
            new MailboxScheduler(clock, timers, Runnable::run),
            clock,
            voicemail.of(microsoft.tandemTenant()));
    if (properties.assignAgents()) {
      AgentAssignments assignments =
          new AgentAssignments(acs, microsoft.tenantId(), microsoft.clientId(), lanes);
      List<String> teamsUsers =
          tenant
              .ask(
                  t -> {
                    t.addListener(assignments);
                    return t.state().agents().stream()
                        .map(agent -> agent.profile().teamsUserId())
                        .filter(id -> id != null)
                        .toList();
                  })
              .join();
      int accepted = assignments.assignAll(teamsUsers);
      LOG.info(
          "{} of {} agents assigned to ACS resource {}", accepted, teamsUsers.size(), resourceId);
    }
    tenant.tell(t -> t.addListener(created)).join();
    dialCallbacks(tenant, created);
    calls = created;
    return created;
  }

  /**
   * Makes the channel the dialler of the tenant's callbacks ({@code tandem.callbacks.channel}), as
   * the configured resource account, with the configured retry policy.
   */
  private void dialCallbacks(RunningTenant tenant, UnifyCalls created) {
    if (!callbackProperties.unifyDials()) {
      return;
    }
    CallbackLine line = callbackLine();
    if (line == null) {
      LOG.warn(
          "tandem.microsoft.unify.callback-resource-account and callback-number are not set:"
              + " callbacks are not placed");
      return;
    }
    CallbackPolicy policy =
        new CallbackPolicy(callbackProperties.attempts(), callbackProperties.retryDelay());
    CallbackDialler dialler = created.callbacks(line);
    tenant
        .tell(
            t -> {
              t.callbacks().usePolicy(policy);
              t.callbacks().dialWith(dialler);
            })
        .join();
    LOG.info("Callbacks are placed over Unify as {} ({})", line.resourceAccountId(), line.number());
  }

  /** The resource account callbacks are placed as: configured, or found in the emulator's world. */
  private @Nullable CallbackLine callbackLine() {
    String account = properties.callbackResourceAccount();
    String number = properties.callbackNumber();
    if ((account == null || number == null) && emulator != null) {
      List<String> served = properties.resourceAccounts();
      var found =
          emulator.tenant(microsoft.tenantId()).resourceAccounts().stream()
              .filter(ra -> resourceId.equals(ra.acsResourceId()) && ra.phoneNumber() != null)
              .filter(ra -> served.isEmpty() || served.contains(ra.id()))
              .filter(
                  ra ->
                      properties.callbackResourceAccount() == null
                          || ra.id().equals(properties.callbackResourceAccount()))
              .findFirst();
      if (found.isPresent()) {
        account = account == null ? found.get().id() : account;
        number = number == null ? found.get().phoneNumber() : number;
      }
    }
    if (account == null || number == null) {
      return null;
    }
    return new CallbackLine(account, number, callbackProperties.customerRingTimeout());
  }

  /** Live transcription to Tandem's stream endpoint, when a locale is configured. */
  private UnifySettings.@Nullable Transcription transcription() {
    if (properties.transcriptionLocale().isBlank()) {
      return null;
    }
    URI endpoint = publicUrl(AcsStreamsConfiguration.TRANSCRIPTION_PATH);
    String scheme = "https".equals(endpoint.getScheme()) ? "wss" : "ws";
    return new UnifySettings.Transcription(
        URI.create(scheme + endpoint.toString().substring(endpoint.getScheme().length())),
        properties.transcriptionLocale());
  }

  @Override
  public void close() {
    lanes.shutdownNow();
  }

  /** The server's prompt catalogue as the adapter's port. */
  private record CatalogPrompts(PromptCatalog catalog) implements PromptSources {
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
