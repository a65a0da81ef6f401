package io.tandem.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * One JAIN-SIP RI stack with its listening points, behind Tandem's small SIP interface: requests go
 * to the {@link RequestHandler}, responses to the {@link ResponseHandler} of the request that
 * caused them, each on the Call-ID's lane. Transactions (retransmissions, Timers A–K) are
 * JAIN-SIP's; automatic dialog support is off, dialogs are the caller's.
 */
public final class SipEndpoint implements SipListener, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SipEndpoint.class.getName());

  private final SipStackImpl stack;
  private final RequestHandler handler;
  private final SerialLanes lanes;
  private final ResponseWriter responses = new ResponseWriter();
  private final Map<SipProvider, ListenPoint> pointsByProvider = new HashMap<>();
  private final Map<ListenPoint, SipProvider> providersByPoint = new HashMap<>();
  private final Map<ClientTransaction, ResponseHandler> pending = new ConcurrentHashMap<>();
  private final String address;
  private final RequestWriter requests;

  private final java.util.function.UnaryOperator<String> resolveHost;

  private SipEndpoint(EndpointSettings settings, RequestHandler handler, Executor executor)
      throws Exception {
    this.handler = handler;
    this.lanes = new SerialLanes(executor);
    this.address = settings.bind().getHostAddress();
    this.resolveHost = settings.resolveHost();
    this.requests = new RequestWriter(address);
    this.stack = new SipStackImpl(StackProperties.of(settings));
    stack.setAddressResolver(new NextHopResolver(settings.resolveHost()));
    try {
      for (ListenPoint point : settings.points()) {
        ListeningPoint listening =
            stack.createListeningPoint(address, point.port(), point.transport().token());
        SipProvider provider = stack.createSipProvider(listening);
        provider.addSipListener(this);
        pointsByProvider.put(provider, point);
        providersByPoint.put(point, provider);
      }
      stack.start();
    } catch (Exception failed) {
      try {
        releasePoints();
        shutDown();
      } catch (RuntimeException stopping) {
        failed.addSuppressed(stopping);
      }
      throw failed;
    }
  }

  /**
   * Deletes the providers and listening points of a stack that never started (its stop alone would
   * leave their threads and sockets open).
   */
  private void releasePoints() {
    for (SipProvider provider : List.copyOf(providersByPoint.values())) {
      ListeningPoint listening = provider.getListeningPoint();
      try {
        provider.removeSipListener(this);
        stack.deleteSipProvider(provider);
        if (listening != null) {
          stack.deleteListeningPoint(listening);
        }
      } catch (Exception notDeleted) {
        // The stack's stop closes what is left.
      }
    }
  }

  /**
   * Stops the stack; its stop walks lists its receiving threads may still change, and a {@link
   * java.util.ConcurrentModificationException} (JAIN-SIP's own race) is retried.
   */
  private void shutDown() {
    for (int attempt = 1; ; attempt++) {
      try {
        stack.stop();
        return;
      } catch (java.util.ConcurrentModificationException busy) {
        if (attempt == 3) {
          throw busy;
        }
      }
    }
  }

  /**
   * Starts listening on every point of {@code settings}; handlers run on {@code executor} (virtual
   * threads), one Call-ID at a time. Throws {@link IllegalStateException} if a point cannot be
   * opened, after releasing those that were.
   */
  public static SipEndpoint start(
      EndpointSettings settings, RequestHandler handler, Executor executor) {
    try {
      return new SipEndpoint(settings, handler, executor);
    } catch (Exception failed) {
      throw new IllegalStateException(
          "SIP endpoint " + settings.name() + " did not start: " + failed, failed);
    }
  }

  /**
   * The addresses {@code host} stands for as a next hop (the host map, else DNS); empty when it
   * resolves to nothing. Blocks on DNS: call it on a lane, never on the stack's threads.
   */
  public java.util.Set<String> addressesOf(String host) {
    try {
      java.util.Set<String> addresses = new java.util.HashSet<>();
      for (java.net.InetAddress address :
          java.net.InetAddress.getAllByName(resolveHost.apply(host))) {
        addresses.add(address.getHostAddress());
      }
      return addresses;
    } catch (java.net.UnknownHostException unknown) {
      return java.util.Set.of();
    }
  }

  /** The address the listening points are bound to (written in Via, usable in SDP). */
  public String address() {
    return address;
  }

  public List<ListenPoint> listenPoints() {
    return List.copyOf(providersByPoint.keySet());
  }

  /** The listening point of {@code transport}; throws when the endpoint has none. */
  public ListenPoint listenPoint(Transport transport) {
    return providersByPoint.keySet().stream()
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
   * timeout) go to {@code responses} on the Call-ID's lane. A request that cannot be sent reports
   * {@link ResponseHandler#onTimeout()} the same way.
   */
  public ClientRequest send(ListenPoint from, OutboundRequest outgoing, ResponseHandler responses) {
    Request request = requests.write(from, outgoing);
    String callId = outgoing.header("Call-ID");
    try {
      ClientTransaction transaction = provider(from).getNewClientTransaction(request);
      pending.put(transaction, responses);
      try {
        transaction.sendRequest();
      } catch (Exception unreachable) {
        pending.remove(transaction);
        LOG.log(
            System.Logger.Level.DEBUG, "could not send {0}: {1}", request.getMethod(), unreachable);
        lanes.execute(String.valueOf(callId), responses::onTimeout);
        return ClientRequest.NONE;
      }
      return () -> cancel(from, transaction);
    } catch (Exception failed) {
      throw new IllegalStateException(
          "could not send " + request.getMethod() + ": " + failed, failed);
    }
  }

  /** Sends a request outside any transaction: the ACK of a 2xx. */
  public void sendStateless(ListenPoint from, OutboundRequest outgoing) {
    Request request = requests.write(from, outgoing);
    try {
      provider(from).sendRequest(request);
    } catch (Exception failed) {
      LOG.log(System.Logger.Level.DEBUG, "could not send {0}: {1}", request.getMethod(), failed);
    }
  }

  private void cancel(ListenPoint from, ClientTransaction invite) {
    if (!Request.INVITE.equals(invite.getRequest().getMethod())) {
      return;
    }
    javax.sip.TransactionState state = invite.getState();
    if (state != javax.sip.TransactionState.PROCEEDING
        && state != javax.sip.TransactionState.CALLING) {
      return;
    }
    try {
      Request cancel = invite.createCancel();
      ClientTransaction transaction = provider(from).getNewClientTransaction(cancel);
      transaction.sendRequest();
    } catch (Exception failed) {
      LOG.log(System.Logger.Level.DEBUG, "CANCEL not sent: {0}", failed.toString());
    }
  }

  SentResponse respond(
      Request request,
      @Nullable ServerTransaction transaction,
      ListenPoint at,
      int status,
      String reason,
      String toTag,
      List<SipHeader> extra,
      @Nullable String body,
      @Nullable String contentType) {
    return responses.respond(
        request, transaction, provider(at), status, reason, toTag, extra, body, contentType);
  }

  private SipProvider provider(ListenPoint point) {
    SipProvider provider = providersByPoint.get(point);
    if (provider == null) {
      throw new IllegalArgumentException("not a listening point of this endpoint: " + point);
    }
    return provider;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    SipProvider provider = (SipProvider) event.getSource();
    ListenPoint point = pointsByProvider.get(provider);
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null && !Request.ACK.equals(request.getMethod())) {
      try {
        transaction = provider.getNewServerTransaction(request);
      } catch (TransactionAlreadyExistsException retransmission) {
        return;
      } catch (Exception unavailable) {
        transaction = null;
      }
    }
    InboundRequest inbound = new InboundRequest(this, request, transaction, point);
    lanes.execute(Headers.callId(request), () -> deliver(inbound));
  }

  private void deliver(InboundRequest request) {
    try {
      handler.onRequest(request);
    } catch (RuntimeException failed) {
      LOG.log(System.Logger.Level.ERROR, "handling " + request.method() + " failed", failed);
      if (request.hasTransaction() && !request.method().equals("ACK")) {
        request.respond(500, "Server Internal Error", "", List.of());
      }
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    Response response = event.getResponse();
    ClientTransaction transaction = event.getClientTransaction();
    InboundResponse inbound = new InboundResponse(response);
    String callId = Headers.callId(response);
    ResponseHandler responses = transaction == null ? null : pending.get(transaction);
    if (responses == null) {
      lanes.execute(callId, () -> handler.onStrayResponse(callId, inbound));
      return;
    }
    if (response.getStatusCode() >= 200) {
      pending.remove(transaction);
    }
    lanes.execute(callId, () -> responses.onResponse(inbound));
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    ClientTransaction transaction = event.getClientTransaction();
    ResponseHandler responses = pending.remove(transaction);
    if (responses != null) {
      lanes.execute(Headers.callId(transaction.getRequest()), responses::onTimeout);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "SIP transport error towards {0}:{1}/{2}",
        event.getHost(),
        event.getPort(),
        event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    if (!event.isServerTransaction()) {
      pending.remove(event.getClientTransaction());
    }
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}

  @Override
  public void close() {
    shutDown();
  }
}
