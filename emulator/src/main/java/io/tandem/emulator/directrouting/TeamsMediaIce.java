package io.tandem.emulator.directrouting;

import io.tandem.emulator.time.Scheduler;
import io.tandem.media.ice.ControllingCheck;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.StunListener;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Teams client's side of ICE under media bypass (MICROSOFT-CONTRACTS §1.7): a full agent,
 * always controlling, checking the ICE-lite SBC's one candidate from the media leg's own port.
 * Regular nomination: a check without USE-CANDIDATE, then, once it succeeded, the same pair again
 * with USE-CANDIDATE; each check carries USERNAME {@code <sbc ufrag>:<own ufrag>}, PRIORITY,
 * ICE-CONTROLLING, MESSAGE-INTEGRITY under the SBC's password and FINGERPRINT, and is sent again
 * after each of {@link #RETRANSMISSIONS} without a response. Only a success response whose
 * integrity verifies counts; an error response, a response failing integrity, or silence after the
 * last retransmission fails ICE, and media never starts.
 *
 * <p>States: {@code IDLE → CHECKING → NOMINATING → CONNECTED}, or {@code FAILED} from either
 * checking state. Threading: confined to the call's serial executor; responses arrive on the leg's
 * receiving thread and are handed over through {@code onCall}.
 */
final class TeamsMediaIce implements StunListener {

  /** How long each transmission of a check waits for its response: 100 ms doubling, 5 tries. */
  static final List<Duration> RETRANSMISSIONS =
      List.of(
          Duration.ofMillis(100),
          Duration.ofMillis(200),
          Duration.ofMillis(400),
          Duration.ofMillis(800),
          Duration.ofMillis(1600));

  /** The PRIORITY of the client's peer-reflexive candidate (type preference 110, RFC 8445). */
  static final long PRIORITY = (110L << 24) + (65535L << 8) + 255;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where the agent stands. */
  enum State {
    IDLE,
    CHECKING,
    NOMINATING,
    CONNECTED,
    FAILED
  }

  /** The SBC's ICE-lite side from its SDP: its credentials and its one IPv4 host candidate. */
  record SbcIce(IceCredentials credentials, InetSocketAddress candidate, boolean lite) {

    /** The SBC's ICE parameters in {@code sdp}, empty when it has none or they are unusable. */
    static Optional<SbcIce> of(Sdp sdp) {
      String ufrag = value(sdp, "ice-ufrag:");
      String pwd = value(sdp, "ice-pwd:");
      InetSocketAddress candidate = hostCandidate(sdp);
      if (ufrag == null || pwd == null || candidate == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new SbcIce(new IceCredentials(ufrag, pwd), candidate, sdp.ice().contains("ice-lite")));
      } catch (IllegalArgumentException unusable) {
        return Optional.empty();
      }
    }

    private static @Nullable String value(Sdp sdp, String prefix) {
      return sdp.ice().stream()
          .filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()).trim())
          .findFirst()
          .orElse(null);
    }

    /** {@code candidate:<foundation> 1 UDP <priority> <ipv4> <port> typ host}. */
    private static @Nullable InetSocketAddress hostCandidate(Sdp sdp) {
      for (String line : sdp.ice()) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        if (line.startsWith("candidate:")
            && parts.length >= 8
            && parts[1].equals("1")
            && parts[2].equalsIgnoreCase("UDP")
            && parts[4].matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
            && parts[5].matches("[0-9]{1,5}")
            && parts[7].equals("host")) {
          return new InetSocketAddress(parts[4], Integer.parseInt(parts[5]));
        }
      }
      return null;
    }
  }

  private final IceCredentials own = IceCredentials.random(RANDOM);
  private final long tieBreaker = RANDOM.nextLong();
  private final MediaLeg leg;
  private final Scheduler scheduler;
  private final Consumer<Runnable> onCall;
  private final BiConsumer<String, Map<String, String>> journal;
  private State state = State.IDLE;
  private @Nullable SbcIce sbc;
  private @Nullable ControllingCheck inFlight;
  private int transmissions;
  private Scheduler.@Nullable Timer timer;
  private Runnable succeeded = () -> {};
  private Consumer<String> failed = reason -> {};

  TeamsMediaIce(
      MediaLeg leg,
      Scheduler scheduler,
      Consumer<Runnable> onCall,
      BiConsumer<String, Map<String, String>> journal) {
    this.leg = leg;
    this.scheduler = scheduler;
    this.onCall = onCall;
    this.journal = journal;
  }

  /** The client's ICE lines for its SDP: its credentials and its one host candidate. */
  String sdpLines(String address) {
    return "a=ice-ufrag:"
        + own.ufrag()
        + "\r\na=ice-pwd:"
        + own.pwd()
        + "\r\na=candidate:1 1 UDP 2130706431 "
        + address
        + " "
        + leg.localPort()
        + " typ host\r\na=rtcp-mux\r\n";
  }

  State state() {
    return state;
  }

  /**
   * Checks {@code sbcIce}'s candidate; {@code onSucceeded} runs once the nominated pair works,
   * {@code onFailed} with the reason when it does not. Ignored unless idle.
   */
  void start(SbcIce sbcIce, Runnable onSucceeded, Consumer<String> onFailed) {
    if (state != State.IDLE) {
      return;
    }
    sbc = sbcIce;
    succeeded = onSucceeded;
    failed = onFailed;
    leg.receiveStun(this);
    state = State.CHECKING;
    send(false);
  }

  @Override
  public byte @Nullable [] onStun(byte[] datagram, int length, InetSocketAddress from) {
    byte[] copy = Arrays.copyOf(datagram, length);
    onCall.accept(() -> responded(copy));
    return null;
  }

  /** Stops retransmitting. */
  void close() {
    cancelTimer();
    leg.receiveStun(null);
  }

  private void send(boolean nominate) {
    SbcIce target = sbc;
    if (target == null) {
      return;
    }
    inFlight =
        ControllingCheck.of(own, target.credentials(), PRIORITY, tieBreaker, nominate, RANDOM);
    transmissions = 0;
    transmit();
  }

  private void transmit() {
    ControllingCheck check = inFlight;
    SbcIce target = sbc;
    if (check == null || target == null) {
      return;
    }
    Duration wait = RETRANSMISSIONS.get(transmissions++);
    timer = scheduler.schedule(wait, () -> onCall.accept(() -> timedOut(check)));
    InetSocketAddress to = target.candidate();
    leg.sendDatagram(check.request(), to.getHostString(), to.getPort());
  }

  private void timedOut(ControllingCheck check) {
    if (check != inFlight || (state != State.CHECKING && state != State.NOMINATING)) {
      return;
    }
    if (transmissions < RETRANSMISSIONS.size()) {
      transmit();
      return;
    }
    fail("no response to " + transmissions + " transmissions", Map.of());
  }

  private void responded(byte[] response) {
    ControllingCheck check = inFlight;
    if (check == null || (state != State.CHECKING && state != State.NOMINATING)) {
      return;
    }
    switch (check.judge(response, response.length)) {
      case NOT_A_RESPONSE -> {}
      case REJECTED ->
          fail(
              "error response",
              Map.of(
                  "errorCode",
                  Integer.toString(ControllingCheck.errorCode(response, response.length))));
      case BAD_INTEGRITY -> fail("response failed MESSAGE-INTEGRITY", Map.of());
      case SUCCEEDED -> succeeded(check);
    }
  }

  private void succeeded(ControllingCheck check) {
    cancelTimer();
    inFlight = null;
    String candidate = String.valueOf(sbc == null ? "" : sbc.candidate());
    if (!check.nominate()) {
      state = State.NOMINATING;
      journal.accept("ice.checkSucceeded", Map.of("candidate", candidate));
      send(true);
      return;
    }
    state = State.CONNECTED;
    journal.accept("ice.nominated", Map.of("candidate", candidate));
    succeeded.run();
  }

  private void fail(String reason, Map<String, String> details) {
    cancelTimer();
    inFlight = null;
    state = State.FAILED;
    Map<String, String> attributes = new java.util.HashMap<>(details);
    attributes.put("reason", reason);
    journal.accept("ice.failed", attributes);
    failed.accept(reason);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
