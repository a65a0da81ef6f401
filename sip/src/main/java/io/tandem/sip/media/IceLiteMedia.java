package io.tandem.sip.media;

import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.IceLiteAgent;
import io.tandem.media.session.RtpSession;
import io.tandem.sip.sdp.IceSdp;
import io.tandem.sip.sdp.MalformedSdpException;
import io.tandem.sip.sdp.SessionDescription;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A Direct Routing leg's ICE-lite side under media bypass (MICROSOFT-CONTRACTS §1.7): the {@link
 * IceLiteAgent} answering the Teams client's checks on the leg's RTP port, the ICE lines of
 * Tandem's SDP (the same credentials in every description of the leg until the peer restarts ICE),
 * and the peer's credentials taken from its SDP. A nominated pair becomes where the leg's session
 * sends.
 *
 * <p>Threading: the call's lane calls every method; the agent's nominations arrive on the session's
 * receiving thread and only {@linkplain RtpSession#connect redirect} the session.
 */
public final class IceLiteMedia {

  private final IceLiteAgent agent;
  private volatile RtpSession session;

  private IceLiteMedia(RtpSession session, RandomGenerator random) {
    this.session = session;
    this.agent = new IceLiteAgent(random, address -> this.session.connect(address));
  }

  /**
   * Answers checks on {@code session}'s port from now on, with credentials from {@code random}.
   *
   * @throws IllegalArgumentException when the session is not bound to IPv4 (the one candidate is)
   */
  public static IceLiteMedia attach(
      RtpSession session, InetAddress address, RandomGenerator random) {
    if (!(address instanceof Inet4Address)) {
      throw new IllegalArgumentException("ICE-lite offers one IPv4 candidate, not " + address);
    }
    IceLiteMedia ice = new IceLiteMedia(session, random);
    session.receiveStun(ice.agent);
    return ice;
  }

  /** The peer's credentials in {@code description}, checked before any port is opened. */
  public static Optional<IceCredentials> peerOf(SessionDescription description)
      throws MalformedSdpException {
    return IceSdp.remoteCredentials(description);
  }

  /** Moves the agent to {@code adopted}, which replaced the leg's session on the same port. */
  public void moveTo(RtpSession adopted) {
    session = adopted;
    adopted.receiveStun(agent);
    agent.nominated().ifPresent(adopted::connect);
  }

  /** {@code description} with Tandem's ICE-lite lines, the candidate being the session's port. */
  public SessionDescription describe(SessionDescription description, InetAddress address) {
    return IceSdp.withIceLite(
        description,
        agent.local(),
        new InetSocketAddress(address, session.localAddress().getPort()));
  }

  /** Takes the peer's credentials from its answer (or a fork's), if it gives any. */
  public void answered(SessionDescription answer) throws MalformedSdpException {
    IceSdp.remoteCredentials(answer).ifPresent(agent::remote);
  }

  /**
   * Takes the peer's credentials from its new offer: changed ones are an ICE restart, and the
   * following answer carries new local credentials.
   */
  public void offered(SessionDescription offer) throws MalformedSdpException {
    Optional<IceCredentials> peer = IceSdp.remoteCredentials(offer);
    if (peer.isEmpty()) {
      return;
    }
    if (agent.restartedBy(peer.get())) {
      agent.restart(peer.get());
    } else {
      agent.remote(peer.get());
    }
  }

  /** The agent (its state, its counters). */
  public IceLiteAgent agent() {
    return agent;
  }
}
