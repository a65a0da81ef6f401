package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.SipNode;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.teams.TeamsClients;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.World;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the emulated proxy's call legs share: the SIP node, world, Teams clients, clock, journal,
 * settings, call counts, media, SBC health and the dialogs by Call-ID.
 */
final class CallServices {

  final Supplier<SipNode> node;
  final World world;
  final TeamsClients teams;
  final Scheduler scheduler;
  final Journal journal;
  final DirectRoutingSettings settings;
  final ActiveCalls active = new ActiveCalls();
  final MediaLegs media;
  final SbcHealth health;
  final DeclineMemory declines;
  final Map<String, CallLeg> dialogs = new ConcurrentHashMap<>();
  final GatewayOrder gatewayOrder;

  CallServices(
      Supplier<SipNode> node,
      World world,
      TeamsClients teams,
      Scheduler scheduler,
      Journal journal,
      DirectRoutingSettings settings,
      MediaLegs media) {
    this.node = node;
    this.world = world;
    this.teams = teams;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
    this.media = media;
    this.health = new SbcHealth(scheduler);
    this.declines = new DeclineMemory(scheduler, journal);
    Long seed = settings.gatewayShuffleSeed();
    this.gatewayOrder =
        new GatewayOrder(world, health, seed == null ? new Random() : new Random(seed));
  }

  /**
   * The listening point Teams → SBC requests leave from: the first proxy ({@code
   * sip.pstnhub.microsoft.com}) on {@code outboundTransport}, else any of its listening points.
   */
  ListenPoint outboundPoint() {
    List<ListenPoint> points = node.get().listenPoints();
    String proxy = DirectRoutingSettings.PROXY_FQDNS.get(0);
    return points.stream()
        .filter(p -> p.name().equals(proxy))
        .filter(p -> p.transport().token().equals(settings.outboundTransport()))
        .findFirst()
        .or(() -> points.stream().filter(p -> p.name().equals(proxy)).findFirst())
        .orElseGet(() -> points.get(0));
  }

  /** The Contact the emulated proxy puts on what it sends from {@code point}. */
  static String contactOf(ListenPoint point) {
    return "<sip:"
        + point.name()
        + ":"
        + point.port()
        + ";transport="
        + point.transport().token()
        + ">";
  }

  /** The methods the emulated proxy allows. */
  static final String ALLOW = "INVITE, ACK, OPTIONS, CANCEL, BYE, NOTIFY, REFER, INFO, UPDATE";

  /** Runs {@code task} on the serial executor of {@code callId}. */
  void onCall(String callId, Runnable task) {
    node.get().execute(callId, task);
  }
}
