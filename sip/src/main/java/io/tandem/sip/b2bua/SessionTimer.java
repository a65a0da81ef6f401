package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The session timer of one leg (RFC 4028): the session interval the INVITE's 2xx settled and who
 * refreshes. When Tandem refreshes it sends a refresh (UPDATE, or re-INVITE where UPDATE is not
 * allowed) every half interval; when the far end refreshes, a session with no re-INVITE or UPDATE
 * for {@code interval − min(32 s, interval / 3)} has expired (§10) and Tandem ends the leg with
 * BYE. Runs on the call's lane.
 */
final class SessionTimer {

  /**
   * What the INVITE's 2xx settled.
   *
   * @param interval the session interval
   * @param tandemRefreshes whether Tandem sends the refreshes
   * @param peerSupportsTimer whether the far end said {@code Supported: timer}
   * @param refreshWithUpdate whether the far end allows UPDATE (else refreshes are re-INVITEs)
   */
  record Terms(
      Duration interval,
      boolean tandemRefreshes,
      boolean peerSupportsTimer,
      boolean refreshWithUpdate) {}

  /** Why an INVITE's Session-Expires was refused: below Tandem's minimum (422). */
  static final class TooSmall extends Exception {
    TooSmall(Duration minimum) {
      super("the session interval must be at least " + minimum.toSeconds() + " s");
    }
  }

  private final ConnectContext context;
  private final String lane;
  private final Terms terms;
  private final Dialog dialog;
  private final Supplier<String> sdp;
  private final Runnable expired;
  private Timer timer = Timer.NONE;
  private boolean stopped;

  /**
   * A timer of {@code dialog} on {@code terms}; a re-INVITE refresh offers {@code sdp}, and {@code
   * expired} ends the leg (BYE, reported as that side's hang-up) when the session is over or a
   * refresh gets 408 or 481.
   */
  SessionTimer(
      ConnectContext context,
      String lane,
      Terms terms,
      Dialog dialog,
      Supplier<String> sdp,
      Runnable expired) {
    this.context = context;
    this.lane = lane;
    this.terms = terms;
    this.dialog = dialog;
    this.sdp = sdp;
    this.expired = expired;
  }

  /**
   * The terms Tandem answers an INVITE with ({@code sessionExpires}, {@code supported}: its
   * headers), as the UAS: none without Session-Expires; else the interval asked for, refreshed by
   * the side the {@code refresher} parameter names, by default the caller when it supports timers.
   *
   * @throws TooSmall when the interval is below {@code minimum}
   * @throws IllegalArgumentException when Session-Expires is not a number of seconds
   */
  static Optional<Terms> askedFor(
      @Nullable String sessionExpires, List<String> supported, List<String> allow, Duration minimum)
      throws TooSmall {
    if (sessionExpires == null) {
      return Optional.empty();
    }
    Parsed asked = Parsed.of(sessionExpires);
    if (asked.interval.compareTo(minimum) < 0) {
      throw new TooSmall(minimum);
    }
    boolean peerSupports = supportsTimer(supported);
    boolean tandemRefreshes =
        asked.refresher == null ? !peerSupports : asked.refresher.equals("uas");
    return Optional.of(
        new Terms(asked.interval, tandemRefreshes, peerSupports, allows(allow, "UPDATE")));
  }

  /**
   * The terms a 2xx to Tandem's INVITE settled, as the UAC: none without Session-Expires; Tandem
   * refreshes when {@code refresher=uac} (or no refresher is named).
   */
  static Optional<Terms> answered(
      @Nullable String sessionExpires, List<String> supported, List<String> allow) {
    if (sessionExpires == null) {
      return Optional.empty();
    }
    try {
      Parsed settled = Parsed.of(sessionExpires);
      return Optional.of(
          new Terms(
              settled.interval,
              settled.refresher == null || settled.refresher.equals("uac"),
              supportsTimer(supported),
              allows(allow, "UPDATE")));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /** Starts the timer once the session is established. */
  void start() {
    schedule();
  }

  /** A refresh went through (Tandem's got a 2xx, or the far end's arrived): the timer restarts. */
  void refreshed() {
    schedule();
  }

  void stop() {
    stopped = true;
    timer.cancel();
  }

  /** Sends Tandem's refresh: UPDATE without a body, or a re-INVITE offering the leg's SDP again. */
  private void refresh() {
    if (stopped) {
      return;
    }
    boolean update = terms.refreshWithUpdate();
    OutboundRequest request =
        dialog.request(update ? "UPDATE" : "INVITE").header("Supported", "timer");
    headers(true).forEach(header -> request.header(header.name(), header.value()));
    if (!update) {
      request.body("application/sdp", sdp.get());
    }
    long cseq = dialog.localCseq();
    context
        .endpoint()
        .send(
            dialog.via(),
            request,
            new LaneResponses(
                context,
                lane,
                response -> {
                  if (response.isProvisional()) {
                    return;
                  }
                  if (!update && response.isSuccess()) {
                    context.endpoint().sendStateless(dialog.via(), dialog.ack(cseq));
                  }
                  refreshAnswered(response.status());
                },
                () -> refreshAnswered(408)));
  }

  /** The final status of Tandem's refresh: 2xx restarts the timer, 408 or 481 ends the leg. */
  private void refreshAnswered(int status) {
    if (stopped) {
      return;
    }
    if (status == 408 || status == 481) {
      stop();
      expired.run();
    } else {
      schedule();
    }
  }

  /**
   * The headers of the INVITE's 2xx, as UAS: Session-Expires, and Require when the caller
   * refreshes.
   */
  List<SipHeader> answerHeaders() {
    return headers(!terms.tandemRefreshes());
  }

  /**
   * The headers of a 2xx to the far end's refresh, or of Tandem's own refresh request: the session
   * interval with the refresher named relative to that transaction's client.
   */
  List<SipHeader> headers(boolean clientRefreshes) {
    List<SipHeader> headers = new ArrayList<>();
    headers.add(
        SipHeader.of(
            "Session-Expires",
            terms.interval().toSeconds() + ";refresher=" + (clientRefreshes ? "uac" : "uas")));
    if (terms.peerSupportsTimer() && clientRefreshes) {
      headers.add(SipHeader.of("Require", "timer"));
    }
    return headers;
  }

  Terms terms() {
    return terms;
  }

  /** How long after the last refresh a session the far end refreshes is over. */
  Duration deadline() {
    Duration third = terms.interval().dividedBy(3);
    Duration margin = third.compareTo(Duration.ofSeconds(32)) < 0 ? third : Duration.ofSeconds(32);
    return terms.interval().minus(margin);
  }

  private void schedule() {
    timer.cancel();
    timer =
        terms.tandemRefreshes()
            ? context.after(terms.interval().dividedBy(2), lane, this::refresh)
            : context.after(deadline(), lane, this::expire);
  }

  private void expire() {
    if (!stopped) {
      stopped = true;
      expired.run();
    }
  }

  private static boolean supportsTimer(List<String> supported) {
    return allows(supported, "timer");
  }

  private static boolean allows(List<String> values, String token) {
    return values.stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .anyMatch(option -> option.trim().equalsIgnoreCase(token));
  }

  private record Parsed(Duration interval, @Nullable String refresher) {
    static Parsed of(String value) {
      String[] parts = value.trim().split(";", 2);
      long seconds;
      try {
        seconds = Long.parseLong(parts[0].trim());
      } catch (NumberFormatException notSeconds) {
        throw new IllegalArgumentException("Session-Expires is not a number of seconds: " + value);
      }
      if (seconds < 1) {
        throw new IllegalArgumentException("Session-Expires must be positive: " + value);
      }
      Map<String, String> parameters = parts.length > 1 ? SipUri.parameters(parts[1]) : Map.of();
      String refresher = parameters.get("refresher");
      return new Parsed(
          Duration.ofSeconds(seconds),
          refresher == null ? null : refresher.toLowerCase(Locale.ROOT));
    }
  }
}
