package io.tandem.sip.bench;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.DataLookup;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowRun;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.RouteToQueue;
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
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.PhasedPacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.sip.b2bua.ConnectNode;
import io.tandem.sip.b2bua.ConnectSettings;
import io.tandem.sip.b2bua.Tenants;
import io.tandem.sip.media.DefaultPromptAudio;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.EndpointSettings;
import io.tandem.sip.stack.ListenPoint;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.InboundTrunk;
import io.tandem.sip.trunk.TrunkPlan;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One Connect node for load tests with SIPp on both sides, bounded in time. Tenant {@code bench}:
 * the entry flow sends every caller straight to queue {@code all} (no prompt), which offers to any
 * of {@code agents} agents (always available, no wrap-up, ring timeout 30 s) at {@code +1 425 6xx
 * xxxx}; the inbound trunk admits 127.0.0.1 for {@code +1425555xxxx} at 1,000,000 calls/s; the
 * Direct Routing trunk sends to {@code sip.pstnhub.microsoft.com:<teamsPort>} (resolved to
 * 127.0.0.1) over UDP. With {@code agents=0} every caller stays queued on music on hold.
 *
 * <p>Arguments, {@code name=value}: {@code port} (SIP UDP, default 5060), {@code teamsPort} (5070),
 * {@code agents} (5000), {@code seconds} (lifetime, 120), {@code rtpFirst} (20000), {@code rtpLast}
 * (60998), {@code pacerThreads} (threads of the RTP pacer, 1), {@code pacer} ({@code phased}, the
 * default, for {@link PhasedPacer}, or {@code scheduled} for one executor job per session and
 * tick), {@code rtpTimeoutSeconds} (the RTP inactivity timer, 0: off, since the sipps send no RTP),
 * {@code maxCalls} (callers' calls held at once, {@link ConnectSettings#DEFAULT_MAX_CALLS}), {@code
 * statusSeconds} (5). Prints {@code ready} once listening, a {@code status} line every {@code
 * statusSeconds} (calls, events, RTP pacing lateness of the interval, CPU) and a {@code final} line
 * when the lifetime ends or the process gets SIGTERM.
 */
public final class ConnectBench {

  static final TenantId TENANT = new TenantId("bench");
  static final String SBC = "sbc.bench.tandem.test";
  private static final Flow ENTRY =
      new Flow("entry", "Entry", "queue", Map.of("queue", new RouteToQueue("all", null)));

  private final java.util.concurrent.atomic.AtomicReference<
          io.tandem.core.flow.@org.jspecify.annotations.Nullable ValidatedFlow>
      entry = new java.util.concurrent.atomic.AtomicReference<>();
  private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
  private final TickLateness lateness = new TickLateness();
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = TimerThreads.daemon("tenant-timers");
  private final ScheduledExecutorService pacerThread;
  private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
  private final TenantMailbox mailbox = new TenantMailbox(virtualThreads);
  private final Tenant tenant;
  private final ConnectNode node;
  private final int agents;
  private final long startNanos = System.nanoTime();
  private TickLateness.Snapshot allTicks = TickLateness.Snapshot.empty();
  private long lastCpuNanos;
  private long lastStatusNanos = startNanos;
  private int peakCalls;

  private ConnectBench(Map<String, String> args) {
    Clock clock = Clock.systemUTC();
    int port = Integer.parseInt(args.getOrDefault("port", "5060"));
    int teamsPort = Integer.parseInt(args.getOrDefault("teamsPort", "5070"));
    this.agents = Integer.parseInt(args.getOrDefault("agents", "5000"));
    this.pacerThread =
        Executors.newScheduledThreadPool(
            Integer.parseInt(args.getOrDefault("pacerThreads", "1")),
            Thread.ofPlatform().name("rtp-pacer-", 0).factory());
    tenant = new Tenant(TENANT, clock, new MailboxScheduler(clock, timers, mailbox));
    TrunkPlan trunks =
        new TrunkPlan(
            List.of(
                new InboundTrunk(
                    "carrier",
                    TENANT,
                    List.of("127.0.0.1"),
                    List.of(Pattern.compile("\\+1425555[0-9]{4}")),
                    1_000_000)),
            List.of(
                new DirectRoutingTrunk(
                    TENANT,
                    SBC,
                    List.of(new DirectRoutingTrunk.Proxy("sip.pstnhub.microsoft.com", teamsPort)),
                    Transport.UDP,
                    "Tandem/Connect/bench",
                    Duration.ofSeconds(5),
                    SrtpMode.OFF)), // sipp 3.6.1 plays Teams with plain RTP
            clock);
    Pacer paced =
        args.getOrDefault("pacer", "phased").equals("scheduled")
            ? new ScheduledPacer(pacerThread, System::nanoTime)
            : new PhasedPacer(pacerThread, System::nanoTime);
    var pacer = new MeasuringPacer(paced, System::nanoTime, lateness);
    node =
        ConnectNode.start(
            new ConnectSettings(
                t ->
                    entry.updateAndGet(
                        v -> v != null ? v : FlowValidator.validate(ENTRY, t.flowCatalog())),
                "Tandem/bench",
                Duration.ofHours(1),
                Duration.ofSeconds(Long.parseLong(args.getOrDefault("rtpTimeoutSeconds", "0"))),
                ConnectSettings.DEFAULT_MIN_SESSION_INTERVAL,
                Integer.parseInt(
                    args.getOrDefault(
                        "maxCalls", Integer.toString(ConnectSettings.DEFAULT_MAX_CALLS)))),
            new EndpointSettings(
                "connect-bench",
                InetAddress.getLoopbackAddress(),
                List.of(new ListenPoint(Transport.UDP, port)),
                null,
                host -> "127.0.0.1"),
            trunks,
            new RtpPorts(
                InetAddress.getLoopbackAddress(),
                Integer.parseInt(args.getOrDefault("rtpFirst", "20000")),
                Integer.parseInt(args.getOrDefault("rtpLast", "60998")),
                pacer),
            new DefaultPromptAudio(null, new NoSpeech()),
            pacer,
            new BenchTenants(),
            virtualThreads,
            new MailboxScheduler(clock, timers, virtualThreads),
            clock);
    tell(t -> {
          t.addListener(node.listener(TENANT));
          t.addListener(
              event ->
                  events
                      .computeIfAbsent(event.getClass().getSimpleName(), name -> new LongAdder())
                      .increment());
          t.configureQueue(
              QueueConfig.builder("all")
                  .wrapUp(Duration.ZERO)
                  .ringTimeout(Duration.ofSeconds(30))
                  .build());
          for (int i = 0; i < agents; i++) {
            AgentId agent = new AgentId("a" + i);
            t.configureAgent(AgentProfile.voice(agent.value(), AgentSkills.NONE));
            t.logIn(agent, true);
            t.presenceChanged(agent, Availability.AVAILABLE);
          }
        })
        .join();
  }

  /** Starts the node, reports until the lifetime ends or SIGTERM, then stops. */
  public static void main(String[] arguments) throws InterruptedException {
    Map<String, String> args = new java.util.HashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("arguments are name=value: " + argument);
      }
      args.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    long seconds = Long.parseLong(args.getOrDefault("seconds", "120"));
    long statusSeconds = Long.parseLong(args.getOrDefault("statusSeconds", "5"));
    ConnectBench bench = new ConnectBench(args);
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  done.countDown();
                  try {
                    stopped.await(5, TimeUnit.SECONDS);
                  } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                  }
                }));
    System.out.println(
        String.format(
            "ready sip=127.0.0.1:%d agents=%d pid=%d",
            bench.node.endpoint().listenPoint(Transport.UDP).port(),
            bench.agents,
            ProcessHandle.current().pid()));
    bench.reporter.scheduleAtFixedRate(
        () -> bench.report("status"), statusSeconds, statusSeconds, TimeUnit.SECONDS);
    done.await(seconds, TimeUnit.SECONDS);
    bench.reporter.shutdownNow();
    bench.report("final");
    bench.close();
    stopped.countDown();
    System.exit(0);
  }

  private synchronized void report(String kind) {
    long now = System.nanoTime();
    long cpu = BenchFigures.processCpuNanos();
    TickLateness.Snapshot ticks = lateness.drain();
    allTicks = allTicks.plus(ticks);
    TickLateness.Snapshot shown = kind.equals("final") ? allTicks : ticks;
    int calls = node.activeCalls();
    peakCalls = Math.max(peakCalls, calls);
    String line =
        String.format(
            "%s t=%ds calls=%d peakCalls=%d cpu=%.0f%% cpuTotal=%.1fs rtpTicks=%d"
                + " lateP50=%.1fms lateP99=%.1fms lateP999=%.1fms lateMax=%.1fms heapUsed=%dMB"
                + " rss=%dMB events=%s%n",
            kind,
            TimeUnit.NANOSECONDS.toSeconds(now - startNanos),
            calls,
            peakCalls,
            100.0 * (cpu - lastCpuNanos) / Math.max(1, now - lastStatusNanos),
            cpu / 1e9,
            shown.ticks(),
            shown.millisAt(0.5),
            shown.millisAt(0.99),
            shown.millisAt(0.999),
            shown.millisAt(1),
            BenchFigures.heapUsedBytes() >> 20,
            BenchFigures.residentBytes() >> 20,
            new java.util.TreeMap<>(events));
    System.out.println(line);
    lastCpuNanos = cpu;
    lastStatusNanos = now;
  }

  private CompletableFuture<Void> tell(Consumer<Tenant> command) {
    return mailbox.tell(() -> command.accept(tenant));
  }

  private void close() {
    node.close();
    pacerThread.shutdownNow();
    timers.shutdownNow();
    virtualThreads.shutdownNow();
  }

  private final class BenchTenants implements Tenants {
    @Override
    public Optional<TenantAccess> access(TenantId id) {
      return id.equals(TENANT)
          ? Optional.of(
              new TenantAccess() {
                @Override
                public <T> CompletableFuture<T> ask(java.util.function.Function<Tenant, T> c) {
                  return mailbox.ask(() -> c.apply(tenant));
                }
              })
          : Optional.empty();
    }

    @Override
    public Optional<String> teamsNumber(TenantId id, AgentId agent) {
      // the agent's number is +14256 and its index in six digits (String.format costs more here
      // than a real directory lookup would)
      String index = agent.value().substring(1);
      return Optional.of("+14256" + "000000".substring(Math.min(6, index.length())) + index);
    }

    @Override
    public DataLookup lookups(TenantId id, InteractionId interaction) {
      return (url, timeout) ->
          tell(
              t -> {
                FlowRun run = t.virtualAssistantOf(interaction);
                if (run != null) {
                  run.onLookupFailed("no-lookups-in-the-bench");
                }
              });
    }
  }

  /** The bench's entry flow says nothing: text to speech is refused. */
  private static final class NoSpeech implements TextToSpeech {
    @Override
    public byte[] render(String text, @org.jspecify.annotations.Nullable String language, int rate)
        throws io.tandem.media.speech.SpeechException {
      throw new io.tandem.media.speech.SpeechException(
          io.tandem.media.speech.SpeechException.Reason.ENGINE_MISSING, "no text to speech here");
    }

    @Override
    public String engine() {
      return "none";
    }

    @Override
    public String voiceFor(@org.jspecify.annotations.Nullable String language) {
      return "none";
    }

    @Override
    public void check() throws io.tandem.media.speech.SpeechException {
      throw new io.tandem.media.speech.SpeechException(
          io.tandem.media.speech.SpeechException.Reason.ENGINE_MISSING, "no text to speech here");
    }
  }
}
