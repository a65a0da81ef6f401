package io.tandem.graph.extend.bench;

import io.tandem.core.queue.QueueId;
import io.tandem.emulator.Emulator;
import io.tandem.graph.extend.ExtendCalls;
import io.tandem.graph.extend.ExtendNode;
import io.tandem.testkit.load.TenantEventCounts;
import io.tandem.testkit.load.UnstaffedBilling;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of the Extend channel against the in-process emulator on the wall clock, as {@code
 * ExtendRig} assembles it but without agents: a JWT-validating bot endpoint, silent WAV prompts (a
 * {@value #MENU_SECONDS} s menu, {@value #MUSIC_SECONDS} s of music on hold), a tenant on its own
 * mailbox whose billing queue nobody staffs, so every caller who presses 1 waits there until their
 * patience runs out. Counts tenant events by type instead of keeping them.
 */
final class BenchRig implements AutoCloseable {

  static final String TENANT = ExtendNode.TENANT;
  static final String APP = ExtendNode.APP;
  static final String HELP_LINE = ExtendNode.HELP_LINE;
  static final int MENU_SECONDS = 6;
  static final int MUSIC_SECONDS = 20;
  static final QueueId BILLING = UnstaffedBilling.ID;

  private static final byte[] MENU = ExtendNode.silence(MENU_SECONDS * 1000);
  private static final byte[] MUSIC = ExtendNode.silence(MUSIC_SECONDS * 1000);
  private static final byte[] WORD = ExtendNode.silence(500);

  final Emulator emulator;
  final ExtendCalls extend;
  final AtomicInteger rejectedTokens;
  final AtomicInteger promptFetches = new AtomicInteger();
  private final TenantEventCounts eventCounts = new TenantEventCounts();
  private final ExtendNode node;

  BenchRig(int journalCapacity) throws Exception {
    node =
        new ExtendNode(
            journalCapacity,
            path -> {
              promptFetches.incrementAndGet();
              return path.endsWith("/menu.wav")
                  ? MENU
                  : path.endsWith("/music-on-hold.wav") ? MUSIC : WORD;
            });
    emulator = node.emulator;
    extend = node.extend;
    rejectedTokens = node.rejectedTokens;
    // No throttling of the bot's Graph requests (the emulator's default, stated for the record).
    var graphSettings = emulator.graphCalls().settings();
    emulator
        .graphCalls()
        .changeSettings(
            new io.tandem.emulator.graph.calls.GraphCallsSettings(
                graphSettings.answerDeadline(),
                graphSettings.keepAliveExpiry(),
                graphSettings.promptDuration(),
                graphSettings.ringTimeout(),
                graphSettings.pstnAnswerAfter(),
                graphSettings.maxRecordDuration(),
                graphSettings.establishedBeforeEstablishing(),
                graphSettings.notificationAttempts(),
                graphSettings.retryBackoff(),
                0,
                graphSettings.throttleWindow()));
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
