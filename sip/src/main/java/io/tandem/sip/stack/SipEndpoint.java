package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Tandem's SIP endpoint: its listening points (UDP, TCP, TLS), the transaction layer (RFC 3261 §17)
 * and the hand-over of every request to the {@link RequestHandler} and every response to the {@link
 * ResponseHandler} of the request that caused it, each on the Call-ID's lane. Dialogs are the
 * caller's. Malformed requests are answered 400 here and never reach the handler.
 */
public final class SipEndpoint implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());

  /**
   * How long a new INVITE may wait between its arrival and its turn on its lane before the endpoint
   * counts itself overloaded and refuses it (503): twice T1, when the caller has already resent it.
   */
  static final long OVERLOAD_WAIT_MILLIS = 2 * StackTimers.T1;

  private final EndpointSettings settings;
  private final RequestHandler handler;
  private final SerialLanes lanes;
  private final StackTimers timers;
  private final TransactionTable transactions;
  private final Map<ListenPoint, SipTransport> transports = new LinkedHashMap<>();
  private final String address;
  private final RequestWriter requests;
  private final NextHopResolver nextHops;
  private final InboundMessages inbound;
  private final ConnectionSweep connections;

  private SipEndpoint(
      EndpointSettings settings, RequestHandler handler, Executor executor, StackTimers timers)
      throws IOException {
    this.settings = settings;
    this.handler = handler;
    this.lanes = new SerialLanes(executor);
    this.timers = timers;
    this.transactions = new TransactionTable(timers);
    this.address = settings.bind().getHostAddress();
    this.requests = new RequestWriter(address);
    this.nextHops = new NextHopResolver(settings.resolveHost());
    this.inbound = new InboundMessages(this, transactions, timers);
    this.connections =
        new ConnectionSweep(timers, settings.connections(), transactions::failWaitingOn);
    try {
      for (ListenPoint point : settings.points()) {
        SipTransport transport = open(point);
        transports.put(transport.point(), transport);
        if (point.port() == 0) {
          transports.put(point, transport);
        }
      }
    } catch (IOException | RuntimeException failed) {
      closeTransports();
      timers.close();
      throw failed;
    }
  }

  private SipTransport open(ListenPoint point) throws IOException {
    StreamOptions options = StreamOptions.of(settings.connections(), connections);
    return switch (point.transport()) {
      case UDP -> UdpTransport.open(settings.bind(), point.port(), inbound::onMessage);
      case TCP -> StreamTransport.open(point, settings.bind(), null, inbound::onMessage, options);
      case TLS ->
          StreamTransport.open(
              point,
              settings.bind(),
              TlsContexts.of(java.util.Objects.requireNonNull(settings.tls())),
              inbound::onMessage,
              options);
    };
  }

  /**
   * Starts listening on every point of {@code settings}; handlers run on {@code executor} (virtual
   * threads), one Call-ID at a time. Throws {@link IllegalStateException} if a point cannot be
   * opened, after releasing those that were.
   */
  public static SipEndpoint start(
      EndpointSettings settings, RequestHandler handler, Executor executor) {
    return start(settings, handler, executor, StackTimers.system(settings.name()));
  }

  static SipEndpoint start(
      EndpointSettings settings, RequestHandler handler, Executor executor, StackTimers timers) {
    try {
      return new SipEndpoint(settings, handler, executor, timers);
    } catch (IOException | RuntimeException failed) {
      throw new IllegalStateException(
          "SIP endpoint " + settings.name() + " did not start: " + failed, failed);
    }
  }

  /**
   * The addresses {@code host} stands for as a next hop (the host map, else DNS); empty when it
   * resolves to nothing. Blocks on DNS: call it on a lane, never on the transport's threads.
   */
  public Set<String> addressesOf(String host) {
    try {
      Set<String> addresses = new HashSet<>();
      for (java.net.InetAddress resolved :
          java.net.InetAddress.getAllByName(settings.resolveHost().apply(host))) {
        addresses.add(resolved.getHostAddress());
      }
      return addresses;
    } catch (java.net.UnknownHostException unknown) {
      return Set.of();
    }
  }

  /** The address the listening points are bound to (written in Via, usable in SDP). */
  public String address() {
    return address;
  }

  /** The points listened on, with their bound ports. */
  public List<ListenPoint> listenPoints() {
    List<ListenPoint> points = new ArrayList<>();
    for (Map.Entry<ListenPoint, SipTransport> entry : transports.entrySet()) {
      if (entry.getKey().equals(entry.getValue().point())) {
        points.add(entry.getKey());
      }
    }
    return points;
  }

  /** The listening point of {@code transport}; throws when the endpoint has none. */
  public ListenPoint listenPoint(Transport transport) {
    return listenPoints().stream()
        .filter(point -> point.transport() == transport)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + transport + " listening point"));
  }

  /** Runs {@code task} on the lane of {@code callId}, after what is queued there. */
  public void execute(String callId, Runnable task) {
    lanes.execute(callId, task);
  }

  /**
   * Sends {@code outgoing} from {@code from} in a new client transaction; its responses (or its
   * timeout) go to {@code responses} on the Call-ID's lane. A request that cannot be sent (no
   * address for the next hop, no connection, a refused TLS peer) reports {@link
   * ResponseHandler#onTimeout()} the same way. Blocks while a connection opens: call it on a lane.
   */
  public ClientRequest send(ListenPoint from, OutboundRequest outgoing, ResponseHandler responses) {
    SentRequest request = requests.write(from, outgoing);
    String callId = request.callId();
    ClientTransaction transaction;
    try {
      Flow flow = flowFor(from, outgoing);
      transaction =
          new ClientTransaction(request, flow, timers, transactions, outcome(callId, responses));
      transaction.start();
    } catch (IOException | RuntimeException unreachable) {
      LOG.log(System.Logger.Level.DEBUG, "could not send {0}: {1}", request.method(), unreachable);
      lanes.execute(callId, responses::onTimeout);
      return ClientRequest.NONE;
    }
    ClientTransaction sent = transaction;
    return () -> sent.cancel(cancel -> sendCancel(from, outgoing, cancel));
  }

  private void sendCancel(ListenPoint from, OutboundRequest invite, SentRequest cancel) {
    try {
      new ClientTransaction(
              cancel,
              flowFor(from, invite),
              timers,
              transactions,
              outcome(cancel.callId(), IGNORED))
          .start();
    } catch (IOException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "CANCEL not sent: {0}", failed.toString());
    }
  }

  /** Sends a request outside any transaction: the ACK of a 2xx. */
  public void sendStateless(ListenPoint from, OutboundRequest outgoing) {
    try {
      SentRequest request = requests.write(from, outgoing);
      flowFor(from, outgoing).send(request.bytes());
    } catch (IOException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "could not send {0}: {1}", outgoing.method(), failed);
    }
  }

  private Flow flowFor(ListenPoint from, OutboundRequest outgoing) throws IOException {
    SipTransport transport = transport(from);
    NextHopResolver.NextHop hop = nextHops.of(outgoing, from.transport());
    return transport.flowTo(hop.address(), hop.host());
  }

  private ClientTransaction.Outcome outcome(String callId, ResponseHandler responses) {
    return new LaneOutcome(callId, responses, lanes, this::strayResponse);
  }

  /** A response no client transaction waits for: the handler's, on its Call-ID's lane. */
  void strayResponse(SipMessage response) {
    String callId = response.callId();
    InboundResponse received = new InboundResponse(response);
    lanes.execute(callId, () -> handler.onStrayResponse(callId, received));
  }

  /**
   * A request for the handler, on its Call-ID's lane; {@code arrived} is when it was read (the
   * timers' time), to tell an overload.
   */
  void deliver(InboundRequest request, long arrived) {
    lanes.execute(
        request.callId(),
        () -> {
          if (overloaded(request, timers.nowMillis() - arrived)) {
            return;
          }
          try {
            handler.onRequest(request);
          } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.ERROR, "handling " + request.method() + " failed", failed);
            if (request.hasTransaction() && !request.method().equals("ACK")) {
              request.respond(500, "Server Internal Error", "", List.of());
            }
          }
        });
  }

  /**
   * Whether {@code request} is a new call that waited {@code waited} ms for its lane, more than
   * {@link #OVERLOAD_WAIT_MILLIS}: the endpoint is overloaded, and the call is refused with 503 and
   * Retry-After (RFC 3261 §21.5.4) before any work is done for it, so that the calls already in
   * progress keep their pace instead of every call slowing into retransmissions.
   */
  private boolean overloaded(InboundRequest request, long waited) {
    if (waited <= OVERLOAD_WAIT_MILLIS
        || !request.method().equals("INVITE")
        || !request.to().tag().isEmpty()) {
      return false;
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "INVITE {0} waited {1} ms for its turn: refused 503 (overload)",
        request.callId(),
        waited);
    request.respond(
        503,
        "Service Unavailable",
        "",
        List.of(
            SipHeader.of("Retry-After", "1"),
            SipHeader.of("Reason", "SIP;cause=503;text=\"overload\"")));
    return true;
  }

  /** Sends a response in its transaction (or, without one, statelessly on its flow). */
  SentResponse respond(
      @Nullable ServerTransaction transaction,
      Flow flow,
      byte[] response,
      int status,
      String method) {
    try {
      if (transaction != null) {
        transaction.respond(response, status);
      } else {
        flow.send(response);
      }
    } catch (IOException | IllegalStateException failed) {
      LOG.log(
          System.Logger.Level.DEBUG, "{0} to {1} not sent: {2}", status, method, failed.toString());
      return SentResponse.NONE;
    }
    return () -> {
      try {
        flow.send(response);
      } catch (IOException failed) {
        LOG.log(System.Logger.Level.DEBUG, "retransmission not sent: {0}", failed.toString());
      }
    };
  }

  /** A UDP flow from {@code point} to {@code to}. */
  Flow udpFlow(ListenPoint point, InetSocketAddress to) {
    try {
      return transport(point).flowTo(to, to.getAddress().getHostAddress());
    } catch (IOException unexpected) {
      throw new IllegalStateException("UDP flow to " + to + ": " + unexpected, unexpected);
    }
  }

  private SipTransport transport(ListenPoint point) {
    SipTransport transport = transports.get(point);
    if (transport == null) {
      throw new IllegalArgumentException("not a listening point of this endpoint: " + point);
    }
    return transport;
  }

  /** How many transactions are live (tests: none left after the calls). */
  int liveTransactions() {
    return transactions.size();
  }

  private void closeTransports() {
    for (SipTransport transport : new HashSet<>(transports.values())) {
      transport.close();
    }
  }

  @Override
  public void close() {
    connections.stop();
    closeTransports();
    timers.close();
  }

  private static final ResponseHandler IGNORED =
      new ResponseHandler() {
        @Override
        public void onResponse(InboundResponse response) {}

        @Override
        public void onTimeout() {}
      };
}
