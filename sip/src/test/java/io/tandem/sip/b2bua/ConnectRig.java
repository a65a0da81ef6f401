package io.tandem.sip.b2bua;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.TransferToNumber;
import io.tandem.core.flow.Voicemail;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.core.time.TimerThreads;
import io.tandem.core.voicemail.MemoryVoicemailStore;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.wav.WavReader;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.sipp.LoopbackPorts;
import io.tandem.sip.stack.EndpointSettings;
import io.tandem.sip.stack.ListenPoint;
import io.tandem.sip.stack.TlsMaterial;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.InboundTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import io.tandem.sip.trunk.TrunkPlan;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Connect node against the in-process emulator on the wall clock: the emulator's carrier trunk
 * delivers {@code +1 425 555 0190-0199} to Tandem over UDP, Tandem calls agents' Teams numbers
 * through the emulator's Direct Routing proxy (UDP) as {@code sbc.connect.tandem.test}, the tenant
 * runs on its own mailbox with the entry flow "press 1 for billing" (5 for voicemail, 7 forwards to
 * {@link #FLOW_FORWARD_NUMBER}), and every event is recorded.
 */
final class ConnectRig implements AutoCloseable {

  static final String HELP_LINE = "+14255550190";
  static final TenantId TENANT = new TenantId("t1");
  static final String SBC = "sbc.connect.tandem.test";

  /** Where the entry flow forwards a caller who presses 7 (a number the carrier gateway serves). */
  static final String FLOW_FORWARD_NUMBER = "+4930901821";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Flow ENTRY =
      new Flow(
          "entry",
          "Entry",
          "menu",
          Map.of(
              "menu",
              new Menu(
                  new Prompt.File("prompts/welcome.wav"),
                  Map.of("1", "billing", "5", "voicemail", "7", "forward"),
                  Duration.ofSeconds(5),
                  0,
                  null,
                  null,
                  "billing"),
              "billing",
              new RouteToQueue("billing", null),
              "voicemail",
              new Voicemail("sales-box", null),
              "forward",
              new TransferToNumber(FLOW_FORWARD_NUMBER)));

  final Emulator emulator;
  final ConnectNode node;
  final List<Object> events = Collections.synchronizedList(new ArrayList<>());
  private final Map<AgentId, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();
  private final Tenant tenant;
  private final TenantMailbox mailbox;
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = TimerThreads.daemon("rig-timers");
  private final ScheduledExecutorService pacerThread = Executors.newSingleThreadScheduledExecutor();
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final HttpClient http = HttpClient.newHttpClient();

  ConnectRig() throws Exception {
    this(List.of("127.0.0.1"));
  }

  /** A rig whose carrier trunk admits calls from {@code carrierSources} only. */
  ConnectRig(List<String> carrierSources) throws Exception {
    this(carrierSources, ConnectSettings.DEFAULT_RTP_TIMEOUT);
  }

  /** A rig that hangs up a leg receiving no RTP for {@code rtpTimeout}. */
  ConnectRig(List<String> carrierSources, Duration rtpTimeout) throws Exception {
    this(
        carrierSources,
        rtpTimeout,
        new Options().teamsSessionInterval,
        ConnectSettings.DEFAULT_MIN_SESSION_INTERVAL);
  }

  /**
   * A rig whose Teams proxy answers with {@code teamsSessionInterval} in Session-Expires and whose
   * node takes carriers' session intervals down to {@code minSessionInterval}.
   */
  ConnectRig(
      List<String> carrierSources,
      Duration rtpTimeout,
      Duration teamsSessionInterval,
      Duration minSessionInterval)
      throws Exception {
    this(
        options(
            o -> {
              o.carrierSources = carrierSources;
              o.rtpTimeout = rtpTimeout;
              o.teamsSessionInterval = teamsSessionInterval;
              o.minSessionInterval = minSessionInterval;
            }));
  }

  /**
   * SRTP on the rig: the carrier trunk's and the Direct Routing trunk's modes, and whether the
   * emulated media processor requires SRTP.
   */
  record Srtp(SrtpMode carrier, SrtpMode directRouting, boolean teamsRequires) {
    /** As in production: carriers plain, Direct Routing required on both sides. */
    static final Srtp MICROSOFT = new Srtp(SrtpMode.OFF, SrtpMode.REQUIRED, true);
  }

  /**
   * SIPp UASs standing in for peers: the Direct Routing proxy on {@code teamsPort}, the carrier's
   * gateway of an outbound trunk for {@code +49…} numbers on {@code carrierGatewayPort}; 0 = none.
   */
  record SippPeers(int teamsPort, int carrierGatewayPort) {
    static final SippPeers NONE = new SippPeers(0, 0);
  }

  /** How a rig is set up: as in production unless a factory below changes a part. */
  private static final class Options {
    List<String> carrierSources = List.of("127.0.0.1");
    Duration rtpTimeout = ConnectSettings.DEFAULT_RTP_TIMEOUT;
    Duration teamsSessionInterval = Duration.ofSeconds(1800);
    Duration minSessionInterval = ConnectSettings.DEFAULT_MIN_SESSION_INTERVAL;
    @Nullable TlsMaterial tls;
    Srtp srtp = Srtp.MICROSOFT;
    SippPeers peers = SippPeers.NONE;
    boolean mediaBypass;
    int maxCalls = ConnectSettings.DEFAULT_MAX_CALLS;

    /** A first proxy on this port that never answers (0: none), the emulator's second. */
    int silentProxyPort;
  }

  private static Options options(Consumer<Options> change) {
    Options options = new Options();
    change.accept(options);
    return options;
  }

  private static ConnectRig with(Consumer<Options> change) throws Exception {
    return new ConnectRig(options(change));
  }

  /**
   * A rig with Direct Routing media bypass on both ends: Tandem's agent legs are ICE-lite, the
   * emulated Teams clients run ICE before they send media; SRTP as in production.
   */
  static ConnectRig withMediaBypass() throws Exception {
    return with(o -> o.mediaBypass = true);
  }

  /** A rig whose node holds at most {@code maxCalls} callers' calls at once. */
  static ConnectRig withMaxCalls(int maxCalls) throws Exception {
    return with(o -> o.maxCalls = maxCalls);
  }

  /**
   * A rig whose Direct Routing trunk tries first a proxy on {@code port} that never answers (a
   * socket of the test's), then the emulator's.
   */
  static ConnectRig withSilentFirstProxyAt(int port) throws Exception {
    return with(o -> o.silentProxyPort = port);
  }

  /** A rig with the SRTP settings {@code srtp}. */
  static ConnectRig withSrtp(Srtp srtp) throws Exception {
    return with(o -> o.srtp = srtp);
  }

  /**
   * A rig whose Direct Routing runs over TLS both ways, Tandem presenting {@code tls}: the proxy
   * listens for TLS on its port (and UDP), Tandem for TLS on its own port (and UDP for the
   * carrier), and the proxy sends to Tandem over TLS.
   */
  static ConnectRig overTls(TlsMaterial tls) throws Exception {
    return with(o -> o.tls = tls);
  }

  /** The numbers the outbound trunk of {@link #withCarrierGatewayAt} serves. */
  static final String CARRIER_NUMBERS = "\\+49[0-9]{6,13}";

  /**
   * A rig whose tenant calls {@code +49…} numbers through a carrier gateway on {@code port} (SIPp,
   * plain RTP); everything else as in production.
   */
  static ConnectRig withCarrierGatewayAt(int port) throws Exception {
    return with(o -> o.peers = new SippPeers(0, port));
  }

  /**
   * A rig whose Direct Routing trunk sends agent legs to a UAS on {@code teamsPort} (SIPp, plain
   * RTP) instead of the emulator's proxy.
   */
  static ConnectRig withTeamsAt(int teamsPort) throws Exception {
    return with(
        o -> {
          o.srtp = new Srtp(SrtpMode.OFF, SrtpMode.OFF, false);
          o.peers = new SippPeers(teamsPort, 0);
        });
  }

  private ConnectRig(Options options) throws Exception {
    List<String> carrierSources = options.carrierSources;
    Duration rtpTimeout = options.rtpTimeout;
    Duration teamsSessionInterval = options.teamsSessionInterval;
    Duration minSessionInterval = options.minSessionInterval;
    TlsMaterial tls = options.tls;
    Srtp srtp = options.srtp;
    SippPeers peers = options.peers;
    boolean mediaBypass = options.mediaBypass;
    int teamsPort = peers.teamsPort();
    Clock clock = Clock.systemUTC();
    int tandemPort = freeUdpAndTcpPort();
    int proxyPort = freeUdpAndTcpPort();
    String world;
    try (InputStream in = ConnectRig.class.getResourceAsStream("/connect-world.yaml")) {
      world = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Files.createTempFile("connect-world-", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(file, world.replace("{{tandemPort}}", Integer.toString(tandemPort)));
    DirectRoutingSettings sip =
        DirectRoutingSettings.defaults()
            .withProxies(
                List.of(
                    new DirectRoutingSettings.ProxyPorts(
                        DirectRoutingSettings.PROXY_FQDNS.get(0),
                        tls == null ? -1 : proxyPort,
                        tls == null ? proxyPort : -1,
                        proxyPort)))
            .withOutboundTransport(tls == null ? "udp" : "tls")
            .withCarrierPort(freeUdpAndTcpPort())
            .withSessionExpires(teamsSessionInterval)
            .withRequireSrtp(srtp.teamsRequires())
            .withMediaBypass(mediaBypass);
    emulator =
        Emulator.start(
            EmulatorSettings.defaults().withWorld(file).withDirectRouting(sip),
            new SystemScheduler(clock));
    mailbox = new TenantMailbox(virtualThreads);
    MailboxScheduler scheduler = new MailboxScheduler(clock, timers, mailbox);
    tenant = new Tenant(TENANT, clock, scheduler);
    TrunkPlan trunks =
        new TrunkPlan(
            List.of(
                new InboundTrunk(
                    "carrier",
                    TENANT,
                    carrierSources,
                    List.of(Pattern.compile("\\+1425555019[0-9]")),
                    200,
                    srtp.carrier())),
            List.of(
                new DirectRoutingTrunk(
                    TENANT,
                    SBC,
                    proxies(options, teamsPort > 0 ? teamsPort : proxyPort),
                    tls == null ? Transport.UDP : Transport.TLS,
                    "Tandem/Connect/test",
                    Duration.ofSeconds(2),
                    srtp.directRouting(),
                    mediaBypass)),
            peers.carrierGatewayPort() == 0
                ? List.of()
                : List.of(
                    new OutboundTrunk(
                        "carrier-out",
                        TENANT,
                        List.of(Pattern.compile(CARRIER_NUMBERS)),
                        "gateway.carrier.test",
                        peers.carrierGatewayPort(),
                        Transport.UDP,
                        SrtpMode.OFF,
                        Duration.ofSeconds(5))),
            clock);
    var pacer = new io.tandem.media.clock.ScheduledPacer(pacerThread, System::nanoTime);
    node =
        ConnectNode.start(
            new ConnectSettings(
                t -> FlowValidator.validate(ENTRY, t.flowCatalog()),
                "Tandem/test",
                Duration.ofSeconds(5),
                rtpTimeout,
                minSessionInterval,
                options.maxCalls),
            new EndpointSettings(
                "connect-test",
                InetAddress.getLoopbackAddress(),
                tls == null
                    ? List.of(new ListenPoint(Transport.UDP, tandemPort))
                    : List.of(
                        new ListenPoint(Transport.UDP, tandemPort),
                        new ListenPoint(Transport.TLS, tandemPort)),
                tls,
                host -> "127.0.0.1"),
            trunks,
            new io.tandem.sip.media.RtpPorts(
                InetAddress.getLoopbackAddress(),
                LoopbackPorts.rtpFirst(),
                LoopbackPorts.rtpLast(),
                pacer),
            new io.tandem.sip.media.DefaultPromptAudio(
                null,
                new io.tandem.media.speech.CachedSpeech(
                    io.tandem.media.speech.EspeakNgSpeech.installed(),
                    Files.createTempDirectory("tts"),
                    10_000_000)),
            pacer,
            new RigTenants(),
            virtualThreads,
            new MailboxScheduler(clock, timers, virtualThreads),
            clock);
    tell(t -> {
          t.addListener(node.listener(TENANT));
          t.addListener(events::add);
          t.configureQueue(
              QueueConfig.builder("billing")
                  .skills("billing >= 1")
                  .ringTimeout(Duration.ofSeconds(4))
                  .build());
        })
        .join();
  }

  /** An agent with the billing skill, logged in and available, reached at {@code number}. */
  void agent(String id, String number) {
    agent(
        new AgentProfile(
            new AgentId(id),
            id,
            AgentSkills.of(Map.of("billing", 5)),
            Map.of(Channel.VOICE, 1),
            null),
        number);
  }

  /** The agent {@code profile}, logged in and available, reached at {@code number}. */
  void agent(AgentProfile profile, String number) {
    AgentId agent = profile.id();
    numbers.put(agent, number);
    tell(t -> {
          t.configureAgent(profile);
          t.logIn(agent, true);
          t.presenceChanged(agent, Availability.AVAILABLE);
        })
        .join();
  }

  <T> CompletableFuture<T> ask(Function<Tenant, T> command) {
    return mailbox.ask(() -> command.apply(tenant));
  }

  CompletableFuture<Void> tell(Consumer<Tenant> command) {
    return mailbox.tell(() -> command.accept(tenant));
  }

  /** A PSTN caller dials the help line through the carrier trunk; the emulator's call id. */
  String dial(String scriptMembers) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"+14255557777\",\"to\":\""
                            + HELP_LINE
                            + "\""
                            + (scriptMembers.isEmpty() ? "" : "," + scriptMembers)
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (placed.statusCode() != 201) {
      throw new IllegalStateException("dial refused: " + placed.statusCode() + " " + placed.body());
    }
    return JSON.readTree(placed.body()).path("callId").asString();
  }

  /**
   * A Teams user of the world ({@code userId}) dials {@code number} (through Tandem when a voice
   * route sends it there); the emulator's status and body, its call id in {@code callId}.
   */
  HttpResponse<String> teamsDials(String userId, String number) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(emulator.httpBaseUrl() + "/emulator/teams/users/" + userId + "/calls"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + number + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The Teams user {@code userId} joins their calls {@code callA} (an SBC → Teams call, by SIP
   * Call-ID) and {@code callB} through the SBC (the emulator's INVITE with Replaces of B).
   */
  HttpResponse<String> teamsConsultTransfer(String userId, String callA, String callB)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    emulator.httpBaseUrl()
                        + "/emulator/teams/users/"
                        + userId
                        + "/consultTransfer"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"callA\":\"" + callA + "\",\"callB\":\"" + callB + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The state of a Teams user's call placed with {@link #teamsDials}. */
  String teamsCallState(String userId, String callId) throws Exception {
    return teamsCall(userId, callId).path("state").asString();
  }

  /** The emulator's view of a Teams user's call placed with {@link #teamsDials}. */
  JsonNode teamsCall(String userId, String callId) throws Exception {
    return JSON.readTree(
        control("/emulator/teams/users/" + userId + "/calls/" + callId, "GET").body());
  }

  /** The Teams user hangs up a call placed with {@link #teamsDials}. */
  void teamsHangsUp(String userId, String callId) throws Exception {
    control("/emulator/teams/users/" + userId + "/calls/" + callId, "DELETE");
  }

  /** The emulator's view of a carrier call (state, heard audio, SIP messages). */
  JsonNode callView(String callId) throws Exception {
    return JSON.readTree(control("/emulator/pstn/calls/" + callId, "GET").body());
  }

  /** A body-less request of {@code method} to the emulator's control API at {@code path}. */
  private HttpResponse<String> control(String path, String method) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The bodies of the emulator's journal entries of {@code kind} (SIP methods: the messages). */
  List<String> journal(String kind) {
    return emulator.journal().after(0, e -> e.kind().equals(kind), 200).stream()
        .map(e -> String.valueOf(e.body()))
        .toList();
  }

  /**
   * The attributes of the emulator's journal events of {@code kind} (e.g. {@code ice.nominated}).
   */
  List<Map<String, String>> journalEvents(String kind) {
    return journalEvents(kind, null);
  }

  /** Like {@link #journalEvents(String)}, for the SIP call {@code callId} only when not null. */
  List<Map<String, String>> journalEvents(String kind, @Nullable String callId) {
    return emulator
        .journal()
        .after(0, e -> e.kind().equals(kind) && (callId == null || callId.equals(e.callId())), 200)
        .stream()
        .map(e -> e.attributes())
        .toList();
  }

  /**
   * The share of 440 Hz in the last half second the caller of {@code call} heard (1: only a Teams
   * user's tone; Tandem's music on hold is a chord progression).
   */
  double toneShare(String call) throws Exception {
    return toneShare(call, 440);
  }

  /** The share of {@code hz} in the last half second the caller of {@code call} heard. */
  double toneShare(String call, double hz) throws Exception {
    short[] samples = heard(call);
    if (samples.length < 4000) {
      return 0.5;
    }
    short[] last = Arrays.copyOfRange(samples, samples.length - 4000, samples.length);
    double total = FrameFormat.meanPower(last);
    return total == 0 ? 0 : Goertzel.power(last, hz, 8000) / total;
  }

  /** What the caller of {@code call} heard so far, 8 kHz samples (the emulator's heard.wav). */
  short[] heard(String call) throws Exception {
    HttpResponse<byte[]> wav =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        emulator.httpBaseUrl() + "/emulator/pstn/calls/" + call + "/heard.wav"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return WavReader.read(wav.body()).samples();
  }

  /** The first event recorded of {@code type}; null before there is one. */
  <E> E first(Class<E> type) {
    return events(type).stream().findFirst().orElse(null);
  }

  /** Polls {@code probe} until it returns non-null (15 s at most). */
  static <T> T await(Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T value = probe.call();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(50);
    }
  }

  /** The events recorded of {@code type}, in order. */
  <E> List<E> events(Class<E> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** Where the tenant's voicemail messages are kept. */
  final MemoryVoicemailStore voicemails = new MemoryVoicemailStore();

  private final class RigTenants implements Tenants {
    @Override
    public Optional<VoicemailIntake> voicemail(TenantId id) {
      return Optional.of(
          new VoicemailIntake(id, voicemails, VoicemailLimits.DEFAULT, new java.util.Random()));
    }

    @Override
    public Optional<TenantAccess> access(TenantId id) {
      return id.equals(TENANT) ? Optional.of(ConnectRig.this::ask) : Optional.empty();
    }

    @Override
    public Optional<String> teamsNumber(TenantId id, AgentId agent) {
      return Optional.ofNullable(numbers.get(agent));
    }

    @Override
    public DataLookup lookups(TenantId id, InteractionId interaction) {
      return (url, timeout) ->
          tell(
              t -> {
                FlowRun run = t.virtualAssistantOf(interaction);
                if (run != null) {
                  run.onLookupFailed("no-lookup-in-tests");
                }
              });
    }
  }

  /** A port free for UDP and TCP, from this test JVM's range ({@link LoopbackPorts}). */
  /**
   * Sends {@code request} from {@code socket} to Tandem's UDP {@code port} and returns the first
   * final response that comes back (provisional ones skipped).
   */
  static String finalResponseTo(java.net.DatagramSocket socket, int port, String request)
      throws java.io.IOException {
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    socket.send(
        new java.net.DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    while (true) {
      java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[4096], 4096);
      socket.receive(answer);
      String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
      if (!text.startsWith("SIP/2.0 1")) {
        return text;
      }
    }
  }

  /** The value of the first {@code name} header line of the SIP message {@code message}. */
  static String header(String message, String name) {
    return message
        .lines()
        .filter(line -> line.startsWith(name + ": "))
        .findFirst()
        .orElseThrow()
        .substring(name.length() + 2)
        .trim();
  }

  /** The Direct Routing trunk's proxies: the one on {@code port}, after a silent one if asked. */
  private static List<DirectRoutingTrunk.Proxy> proxies(Options options, int port) {
    String fqdn = DirectRoutingSettings.PROXY_FQDNS.get(0); // every host is on loopback
    DirectRoutingTrunk.Proxy answering = new DirectRoutingTrunk.Proxy(fqdn, port);
    return options.silentProxyPort == 0
        ? List.of(answering)
        : List.of(new DirectRoutingTrunk.Proxy(fqdn, options.silentProxyPort), answering);
  }

  /** Tandem's SIP port over UDP, where the carrier trunk sends. */
  int tandemPort() {
    return node.endpoint().listenPoint(Transport.UDP).port();
  }

  static int freeUdpAndTcpPort() {
    return LoopbackPorts.free();
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      emulator.close();
      if (emulator.scheduler() instanceof SystemScheduler system) {
        system.close();
      }
      pacerThread.shutdownNow();
      timers.shutdownNow();
      virtualThreads.shutdownNow();
    }
  }
}
