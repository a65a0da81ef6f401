package io.tandem.media.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One connectivity check as a full, controlling agent sends it to a lite peer (RFC 8445 §7.2.2): a
 * Binding request with USERNAME {@code <peer ufrag>:<own ufrag>}, PRIORITY, ICE-CONTROLLING,
 * USE-CANDIDATE when it nominates, MESSAGE-INTEGRITY under the peer's password and FINGERPRINT; and
 * how its response is judged.
 *
 * @param own the checking agent's credentials
 * @param peer the lite peer's credentials, from its SDP
 * @param priority the PRIORITY value (the checking candidate's peer-reflexive priority)
 * @param tieBreaker the ICE-CONTROLLING value
 * @param nominate whether USE-CANDIDATE is sent
 * @param transactionId the request's 12-byte transaction id
 */
public record ControllingCheck(
    IceCredentials own,
    IceCredentials peer,
    long priority,
    long tieBreaker,
    boolean nominate,
    byte[] transactionId) {

  /** What a response said about the check. */
  public enum Outcome {
    /** A success response with a valid integrity and fingerprint. */
    SUCCEEDED,
    /** An error response; {@link ControllingCheck#errorCode} has its code. */
    REJECTED,
    /** A response whose MESSAGE-INTEGRITY does not verify under the peer's password. */
    BAD_INTEGRITY,
    /** Not a response to this check: malformed, another transaction, a bad fingerprint. */
    NOT_A_RESPONSE
  }

  /** Keeps a copy of the transaction id. */
  public ControllingCheck {
    if (transactionId.length != 12) {
      throw new IllegalArgumentException("a transaction id has 12 bytes");
    }
    transactionId = transactionId.clone();
  }

  /** A check with a random transaction id from {@code random}. */
  public static ControllingCheck of(
      IceCredentials own,
      IceCredentials peer,
      long priority,
      long tieBreaker,
      boolean nominate,
      RandomGenerator random) {
    byte[] transaction = new byte[12];
    random.nextBytes(transaction);
    return new ControllingCheck(own, peer, priority, tieBreaker, nominate, transaction);
  }

  @Override
  public byte[] transactionId() {
    return transactionId.clone();
  }

  /** The request's bytes. */
  public byte[] request() {
    List<StunAttribute> attributes = new ArrayList<>();
    attributes.add(StunAttribute.username(peer.ufrag() + ":" + own.ufrag()));
    attributes.add(StunAttribute.priority(priority));
    attributes.add(StunAttribute.iceControlling(tieBreaker));
    if (nominate) {
      attributes.add(StunAttribute.useCandidate());
    }
    return StunMessage.of(StunMessage.BINDING_REQUEST, transactionId, attributes)
        .toBytes(peer.key(), true);
  }

  /** What the first {@code length} bytes of {@code datagram} say about this check. */
  public Outcome judge(byte[] datagram, int length) {
    StunMessage response;
    try {
      response = StunMessage.parse(datagram, length);
    } catch (MalformedStunException malformed) {
      return Outcome.NOT_A_RESPONSE;
    }
    if (!Arrays.equals(response.transactionId(), transactionId)
        || (response.type() != StunMessage.BINDING_SUCCESS
            && response.type() != StunMessage.BINDING_ERROR)
        || (response.hasFingerprint() && !response.fingerprintMatches())) {
      return Outcome.NOT_A_RESPONSE;
    }
    if (response.type() == StunMessage.BINDING_ERROR) {
      return Outcome.REJECTED;
    }
    return response.integrityMatches(peer.key()) ? Outcome.SUCCEEDED : Outcome.BAD_INTEGRITY;
  }

  /** The ERROR-CODE of an error response, or 0 when there is none or it cannot be read. */
  public static int errorCode(byte[] datagram, int length) {
    try {
      return StunMessage.parse(datagram, length).errorCode().orElse(0);
    } catch (MalformedStunException malformed) {
      return 0;
    }
  }
}
