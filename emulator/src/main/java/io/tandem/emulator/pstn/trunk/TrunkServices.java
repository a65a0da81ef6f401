package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.directrouting.sip.SipNode;
import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.Pacer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the trunk's calls share: the carrier's SIP node and listening points, the clock, journal,
 * media pacer, settings, the call registry, and the dialler (for calls a REFER starts).
 */
final class TrunkServices {

  /** Current settings with the caller audio they name, parsed once. */
  record Configured(TrunkSettings settings, Supplier<AudioSource> audio) {
    static Configured of(TrunkSettings settings) {
      return new Configured(settings, CallerAudio.parse(settings.callerAudio()));
    }
  }

  final Supplier<SipNode> node;
  final Map<SipTransport, ListenPoint> points;
  final Scheduler scheduler;
  final Journal journal;
  final Pacer pacer;
  final String carrierHost;
  final TrunkCalls calls = new TrunkCalls();
  final Supplier<Configured> configured;
  final Dialler dialler;

  /** Places a trunk call (for a REFER): its id, or empty when no trunk serves the number. */
  interface Dialler {
    Optional<String> place(CallerScript script, List<SipHeader> headers, FinalListener listener);
  }

  /** Hears the final response to a call's INVITE (408 Request Timeout when none came), once. */
  interface FinalListener {
    void finalResponse(int status, String reason);
  }

  TrunkServices(
      Supplier<SipNode> node,
      Map<SipTransport, ListenPoint> points,
      Scheduler scheduler,
      Journal journal,
      Pacer pacer,
      String carrierHost,
      Supplier<Configured> configured,
      Dialler dialler) {
    this.node = node;
    this.points = Map.copyOf(points);
    this.scheduler = scheduler;
    this.journal = journal;
    this.pacer = pacer;
    this.carrierHost = carrierHost;
    this.configured = configured;
    this.dialler = dialler;
  }

  /** Runs {@code task} on the serial executor of {@code callId}. */
  void onCall(String callId, Runnable task) {
    node.get().execute(callId, task);
  }

  /** The address RTP and SIP bind to. */
  String bindAddress() {
    return node.get().bindAddress();
  }
}
