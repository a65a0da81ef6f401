package io.tandem.acs.unify.bench;

import io.tandem.acs.unify.UnifyCalls;
import io.tandem.acs.unify.UnifyNode;
import io.tandem.core.queue.QueueId;
import io.tandem.emulator.Emulator;
import io.tandem.testkit.load.TenantEventCounts;
import io.tandem.testkit.load.UnstaffedBilling;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One node of the Unify channel ({@link UnifyNode}: Event Grid and callback endpoints with JWT
 * validation, prompts served over HTTP, a tenant on its own mailbox, the entry flow "press 1 for
 * billing") against the in-process emulator on the wall clock, without agents: a {@value
 * #MENU_SECONDS} s menu, {@value #MUSIC_SECONDS} s of music on hold looped by ACS, and a billing
 * queue nobody staffs, so every caller who presses 1 waits there until their patience runs out.
 * Counts tenant events by type instead of keeping them.
 */
final class BenchRig implements AutoCloseable {

  /**
   * The JDK HttpServer's cap on idle keep-alive connections (default 200), for the node's endpoints
   * and the emulator's alike. Past it the server closes a connection right after its response
   * without {@code Connection: close}; the emulator's client reuses it and the next callback fails
   * with "HTTP/1.1 header parser received no bytes" (redelivered by ACS after 1 s). A property of
   * this stand-in server, not of the channel: raised here unless set on the command line.
   */
  static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

  static {
    if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
      System.setProperty(MAX_IDLE_CONNECTIONS, "20000");
    }
  }

  static final int MENU_SECONDS = 6;
  static final int MUSIC_SECONDS = 20;
  static final QueueId BILLING = UnstaffedBilling.ID;

  private static final byte[] MENU = UnifyNode.silence(MENU_SECONDS * 1000);
  private static final byte[] MUSIC = UnifyNode.silence(MUSIC_SECONDS * 1000);
  private static final byte[] WORD = UnifyNode.silence(500);

  final Emulator emulator;
  final UnifyCalls unify;
  final AtomicInteger rejectedTokens;
  final AtomicInteger refusedBodies;
  final AtomicInteger promptFetches = new AtomicInteger();
  private final TenantEventCounts eventCounts = new TenantEventCounts();
  private final UnifyNode node;

  BenchRig(int journalCapacity) throws Exception {
    node =
        new UnifyNode(
            journalCapacity,
            path -> {
              promptFetches.incrementAndGet();
              return path.endsWith("/menu.wav")
                  ? MENU
                  : path.endsWith("/music-on-hold.wav") ? MUSIC : WORD;
            },
            Function.identity());
    emulator = node.emulator;
    unify = node.unify;
    rejectedTokens = node.rejectedTokens;
    refusedBodies = node.refusedBodies;
    node.onTenant(
            t -> {
              t.addListener(eventCounts);
              t.configureQueue(UnstaffedBilling.config());
              return null;
            })
        .join();
  }

  /** Places a PSTN call to the help line; the emulator's call id. */
  String dial(String from, String scriptMembers) throws Exception {
    return node.dial(from, scriptMembers);
  }

  /** How many tenant events of this simple type name were published so far. */
  int count(String eventType) {
    return eventCounts.count(eventType);
  }

  /** Callers waiting in the billing queue now (read on the tenant's writer). */
  int waiting() {
    return node.onTenant(t -> t.state().waitingIn(BILLING)).join();
  }

  @Override
  public void close() {
    node.close();
  }
}
