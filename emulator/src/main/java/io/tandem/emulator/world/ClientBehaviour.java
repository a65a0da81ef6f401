package io.tandem.emulator.world;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a simulated Teams client treats a call offered to it: ring for {@code answerAfter}, then
 * {@code response}; once connected, hang up after {@code hangUpAfter} (never if null), or transfer
 * to {@code transferTo} (a user id or +E164 number) after {@code transferAfter}, and send {@code
 * dtmf} digits once connected. {@code forwardTo} (a user id or +E164 number) is where Teams
 * forwards the call. {@code simultaneousRingTo} (+E164) is the number Teams rings at the same time
 * as the client (simultaneous ring, MICROSOFT-CONTRACTS §1.6): a new INVITE to the tenant's SBC;
 * the first branch to answer takes the call.
 */
public record ClientBehaviour(
    Duration answerAfter,
    Response response,
    @Nullable Duration hangUpAfter,
    @Nullable String transferTo,
    @Nullable Duration transferAfter,
    @Nullable String dtmf,
    @Nullable String forwardTo,
    @Nullable String simultaneousRingTo) {

  /** What the client does when its ringing time is up. */
  public enum Response {
    /** Picks up: 200 OK / established. */
    ANSWER,
    /** The user presses Decline: SIP 603, Graph/ACS "declined". Never to be retried. */
    DECLINE,
    /** Already busy on another call: SIP 486. */
    BUSY,
    /** Keeps ringing until the caller gives up or times out. */
    NO_ANSWER
  }

  /** A client that answers after two seconds and stays on until the other side hangs up. */
  public static final ClientBehaviour ANSWERS =
      new ClientBehaviour(
          Duration.ofSeconds(2), Response.ANSWER, null, null, null, null, null, null);

  public ClientBehaviour {
    if (answerAfter == null) {
      answerAfter = Duration.ZERO;
    }
    if (response == null) {
      response = Response.ANSWER;
    }
    if (answerAfter.isNegative()) {
      throw new IllegalArgumentException("answerAfter must not be negative");
    }
    if (hangUpAfter != null && hangUpAfter.isNegative()) {
      throw new IllegalArgumentException("hangUpAfter must not be negative");
    }
    if (transferTo != null && transferAfter == null) {
      transferAfter = Duration.ZERO;
    }
    if (simultaneousRingTo != null) {
      Identifiers.requireE164(simultaneousRingTo, "simultaneousRingTo");
    }
  }

  /** A behaviour without simultaneous ring. */
  public ClientBehaviour(
      Duration answerAfter,
      Response response,
      @Nullable Duration hangUpAfter,
      @Nullable String transferTo,
      @Nullable Duration transferAfter,
      @Nullable String dtmf,
      @Nullable String forwardTo) {
    this(answerAfter, response, hangUpAfter, transferTo, transferAfter, dtmf, forwardTo, null);
  }

  /** This behaviour with simultaneous ring to {@code number} (+E164), or without when null. */
  public ClientBehaviour withSimultaneousRingTo(@Nullable String number) {
    return new ClientBehaviour(
        answerAfter, response, hangUpAfter, transferTo, transferAfter, dtmf, forwardTo, number);
  }

  /** A behaviour without forwarding. */
  public ClientBehaviour(
      Duration answerAfter,
      Response response,
      @Nullable Duration hangUpAfter,
      @Nullable String transferTo,
      @Nullable Duration transferAfter,
      @Nullable String dtmf) {
    this(answerAfter, response, hangUpAfter, transferTo, transferAfter, dtmf, null, null);
  }
}
