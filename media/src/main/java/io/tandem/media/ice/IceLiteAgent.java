package io.tandem.media.ice;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The ICE-lite agent of one media stream (RFC 8445 §2.5 and §7.3, MICROSOFT-CONTRACTS §1.7): it has
 * one host candidate, is always controlled, never sends a check, and answers the Binding requests
 * of the full, controlling peer.
 *
 * <p>A request is answered, in RFC 5389 §10.1.2 and §7.3 order: without USERNAME or
 * MESSAGE-INTEGRITY 400; with a USERNAME that is not {@code <local ufrag>:<remote ufrag>} (any
 * remote fragment until the peer's is known; once known, any the peer announced, for forks) or an
 * integrity that does not verify under the local password 401; an unknown comprehension-required
 * attribute 420; ICE-CONTROLLED (the peer claims the role a lite agent has) 487; without PRIORITY
 * 400. Errors 400 and 401 carry FINGERPRINT only, the others and the success response (with
 * XOR-MAPPED-ADDRESS of the request's source) MESSAGE-INTEGRITY under the local password too.
 * Datagrams that are not well-formed STUN, carry a wrong FINGERPRINT, or are not requests are
 * dropped: nothing here throws on what arrives.
 *
 * <p>A successful check with USE-CANDIDATE nominates its source: {@code onNominated} hears the
 * address media goes to, each time it changes (forks, later nominations). {@link #restart} (the
 * peer's new ufrag and password in a re-offer) picks new local credentials; until the next
 * nomination media stays where it went.
 *
 * <p>Threading: every method is synchronised; {@code onNominated} runs on the caller of {@link
 * #answer}, outside the lock.
 */
public final class IceLiteAgent implements StunListener {

  private static final Set<Integer> UNDERSTOOD =
      Set.of(
          StunAttribute.USERNAME,
          StunAttribute.MESSAGE_INTEGRITY,
          StunAttribute.ERROR_CODE,
          StunAttribute.UNKNOWN_ATTRIBUTES,
          StunAttribute.XOR_MAPPED_ADDRESS,
          StunAttribute.PRIORITY,
          StunAttribute.USE_CANDIDATE);

  private final RandomGenerator random;
  private final Consumer<InetSocketAddress> onNominated;
  private IceCredentials local;
  private final Set<String> remoteUfrags = new HashSet<>();
  private @Nullable IceCredentials remote;
  private IceLiteState state = IceLiteState.CHECKING;
  private @Nullable InetSocketAddress nominated;
  private long answered;
  private long rejected;
  private long dropped;
  private long nominations;

  /**
   * An agent with fresh local credentials from {@code random}, telling {@code onNominated} where
   * media goes.
   */
  public IceLiteAgent(RandomGenerator random, Consumer<InetSocketAddress> onNominated) {
    this.random = random;
    this.onNominated = onNominated;
    this.local = IceCredentials.random(random);
  }

  /** The credentials to announce in SDP now. */
  public synchronized IceCredentials local() {
    return local;
  }

  /** The peer's credentials last learnt, if any. */
  public synchronized Optional<IceCredentials> remote() {
    return Optional.ofNullable(remote);
  }

  /**
   * Takes the peer's credentials from its SDP (an answer, or a fork's): checks naming its fragment
   * are answered from now on, besides those of fragments learnt before.
   */
  public synchronized void remote(IceCredentials peer) {
    remote = peer;
    remoteUfrags.add(peer.ufrag());
  }

  /**
   * Whether {@code offered} restarts ICE (RFC 8445 §9): the peer's credentials were known and
   * differ.
   */
  public synchronized boolean restartedBy(IceCredentials offered) {
    return remote != null && !remote.equals(offered);
  }

  /**
   * An ICE restart: forgets the peer's old fragments, takes {@code peer}'s, and returns the new
   * local credentials to answer with.
   */
  public synchronized IceCredentials restart(IceCredentials peer) {
    local = IceCredentials.random(random);
    remoteUfrags.clear();
    remote(peer);
    state = state.restart();
    return local;
  }

  /** Where the agent stands. */
  public synchronized IceLiteState state() {
    return state;
  }

  /** The source of the last nominated pair: where media goes. */
  public synchronized Optional<InetSocketAddress> nominated() {
    return Optional.ofNullable(nominated);
  }

  /** The counters so far. */
  public synchronized IceStats stats() {
    return new IceStats(answered, rejected, dropped, nominations);
  }

  @Override
  public byte @Nullable [] onStun(byte[] datagram, int length, InetSocketAddress from) {
    return answer(datagram, length, from);
  }

  /**
   * The response to send back to {@code from} for the first {@code length} bytes of {@code
   * datagram}, or null when it is dropped.
   */
  public byte @Nullable [] answer(byte[] datagram, int length, InetSocketAddress from) {
    InetSocketAddress newTarget;
    byte[] response;
    synchronized (this) {
      StunMessage request;
      try {
        request = StunMessage.parse(datagram, length);
      } catch (MalformedStunException malformed) {
        dropped++;
        return null;
      }
      if (request.type() != StunMessage.BINDING_REQUEST
          || (request.hasFingerprint() && !request.fingerprintMatches())) {
        dropped++;
        return null;
      }
      Optional<String> username = request.username();
      if (username.isEmpty() || !request.hasIntegrity()) {
        return reject(request, 400, "Bad Request", false);
      }
      if (!knownUsername(username.get()) || !request.integrityMatches(local.key())) {
        return reject(request, 401, "Unauthorized", false);
      }
      int[] unknown =
          request.attributes().stream()
              .filter(a -> a.comprehensionRequired() && !UNDERSTOOD.contains(a.type()))
              .mapToInt(StunAttribute::type)
              .distinct()
              .toArray();
      if (unknown.length > 0) {
        return reject(request, 420, "Unknown Attribute", true, unknown);
      }
      if (request.has(StunAttribute.ICE_CONTROLLED)) {
        return reject(request, 487, "Role Conflict", true);
      }
      if (request.priority().isEmpty()) {
        return reject(request, 400, "Bad Request: no PRIORITY", true);
      }
      answered++;
      response =
          StunMessage.of(
                  StunMessage.BINDING_SUCCESS,
                  request.transactionId(),
                  List.of(StunAttribute.xorMappedAddress(from, request.transactionId())))
              .toBytes(local.key(), true);
      if (!request.has(StunAttribute.USE_CANDIDATE)) {
        return response;
      }
      nominations++;
      newTarget = from.equals(nominated) && state == IceLiteState.NOMINATED ? null : from;
      state = state.nominate();
      nominated = from;
    }
    if (newTarget != null) {
      onNominated.accept(newTarget);
    }
    return response;
  }

  private boolean knownUsername(String username) {
    String prefix = local.ufrag() + ":";
    if (!username.startsWith(prefix)) {
      return false;
    }
    String peer = username.substring(prefix.length());
    return remoteUfrags.isEmpty() ? !peer.isEmpty() : remoteUfrags.contains(peer);
  }

  private byte[] reject(
      StunMessage request, int code, String reason, boolean withIntegrity, int... unknown) {
    rejected++;
    List<StunAttribute> attributes =
        unknown.length == 0
            ? List.of(StunAttribute.errorCode(code, reason))
            : List.of(
                StunAttribute.errorCode(code, reason), StunAttribute.unknownAttributes(unknown));
    return StunMessage.of(StunMessage.BINDING_ERROR, request.transactionId(), attributes)
        .toBytes(withIntegrity ? local.key() : null, true);
  }
}
