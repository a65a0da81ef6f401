package io.tandem.emulator.directrouting.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.stack.HopImpl;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
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
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * One JAIN-SIP RI stack with its listening points, behind the emulator's own small SIP interface:
 * requests go to a {@link SipHandler}, responses to the {@link ResponseHandler} of the request that
 * caused them, each on the Call-ID's {@link SerialExecutor}. JAIN-SIP's listener threads only
 * create the server transaction and hand over. Transactions are JAIN-SIP's (retransmissions, Timer
 * B/F); dialogs are the emulator's own (automatic dialog support is off). Every message in and out
 * is journalled on {@link Channel#SIP} with its wire text. Host names in Request-URIs are resolved
 * by the given resolver (a host map: no DNS).
 */
public final class SipNode implements SipListener, AutoCloseable {

  private final String name;
  private final SipStackImpl stack;
  private final Journal journal;
  private final SipHandler handler;
  private final MessageFactory messages = new MessageFactoryImpl();
  private final HeaderFactory headers = new HeaderFactoryImpl();
  private final SerialExecutor serial = new SerialExecutor();
  private final Map<SipProvider, ListenPoint> pointsByProvider = new HashMap<>();
  private final Map<ListenPoint, SipProvider> providersByPoint = new HashMap<>();
  private final Map<ClientTransaction, ResponseHandler> pending = new ConcurrentHashMap<>();
  private final String bindAddress;

  private SipNode(
      String name,
      InetAddress bind,
      List<ListenPoint> points,
      @Nullable TlsFiles tls,
      UnaryOperator<String> resolveHost,
      Journal journal,
      SipHandler handler)
      throws Exception {
    this.name = name;
    this.journal = journal;
    this.handler = handler;
    this.bindAddress = bind.getHostAddress();
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", name);
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
    if (tls != null) {
      properties.setProperty("javax.net.ssl.keyStore", tls.keyStore().toString());
      properties.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
      properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
      properties.setProperty("javax.net.ssl.trustStore", tls.trustStore().toString());
      properties.setProperty("javax.net.ssl.trustStorePassword", tls.trustStorePassword());
      properties.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      // JAIN-SIP's default suites are RSA key exchange, which current JDKs disable.
      properties.setProperty(
          "gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
          "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
              + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
      properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
      properties.setProperty(
          "gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE",
          tls.requireClientCertificate() ? "Enabled" : "Disabled");
    }
    this.stack = new SipStackImpl(properties);
    stack.setAddressResolver(
        hop ->
            new HopImpl(
                resolveHost.apply(hop.getHost()),
                hop.getPort() > 0
                    ? hop.getPort()
                    : "tls".equalsIgnoreCase(hop.getTransport()) ? 5061 : 5060,
                hop.getTransport()));
    try {
      for (ListenPoint point : points) {
        ListeningPoint listening =
            stack.createListeningPoint(bindAddress, point.port(), point.transport().token());
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
        // The cause is what failed; a stop that failed too is kept beside it.
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
   * Starts a stack listening on {@code points} of {@code bind}. A stack that cannot listen on every
   * point is stopped, which releases the points it had opened, before this throws.
   */
  public static SipNode start(
      String name,
      InetAddress bind,
      List<ListenPoint> points,
      @Nullable TlsFiles tls,
      UnaryOperator<String> resolveHost,
      Journal journal,
      SipHandler handler) {
    try {
      return new SipNode(name, bind, points, tls, resolveHost, journal, handler);
    } catch (Exception failed) {
      throw new IllegalStateException("SIP stack " + name + " did not start: " + failed, failed);
    }
  }

  /** Runs {@code task} on the serial executor of {@code callId}, after what is queued there. */
  public void execute(String callId, Runnable task) {
    serial.execute(callId, task);
  }

  /** The address the listening points are bound to (for Via and SDP). */
  public String bindAddress() {
    return bindAddress;
  }

  public List<ListenPoint> listenPoints() {
    return List.copyOf(providersByPoint.keySet());
  }

  /** Sends a request in a new client transaction; responses go to {@code responses}. */
  public ClientRequest send(ListenPoint from, OutgoingRequest outgoing, ResponseHandler responses) {
    Request request = parse(from, outgoing);
    ClientTransaction transaction = sendWithTransaction(request, from, responses);
    return new ClientRequest(this, transaction, from);
  }

  /** Sends a request without a transaction (an ACK for a 2xx). */
  public void sendStateless(ListenPoint from, OutgoingRequest outgoing) {
    Request request = parse(from, outgoing);
    try {
      record(Direction.OUT, request.getMethod(), request, from);
      provider(from).sendRequest(request);
    } catch (Exception failed) {
      journal.event(
          Channel.SIP, "sip.sendFailed", callIdOf(request), Map.of("error", failed.toString()));
    }
  }

  ClientTransaction sendWithTransaction(
      Request request, ListenPoint from, ResponseHandler responses) {
    SipProvider provider = provider(from);
    try {
      ClientTransaction transaction = provider.getNewClientTransaction(request);
      pending.put(transaction, responses);
      record(Direction.OUT, request.getMethod(), request, from);
      try {
        transaction.sendRequest();
      } catch (Exception unreachable) {
        pending.remove(transaction);
        journal.event(
            Channel.SIP,
            "sip.sendFailed",
            callIdOf(request),
            Map.of("error", String.valueOf(unreachable.getMessage())));
        serial.execute(callIdOf(request), responses::onTimeout);
      }
      return transaction;
    } catch (Exception failed) {
      throw new IllegalStateException("could not send " + request.getMethod() + ": " + failed);
    }
  }

  void sendResponse(Response response, @Nullable ServerTransaction transaction, ListenPoint at)
      throws Exception {
    record(Direction.OUT, Integer.toString(response.getStatusCode()), response, at);
    if (transaction != null) {
      transaction.sendResponse(response);
    } else {
      provider(at).sendResponse(response);
    }
  }

  void sendFailed(String callId, String what, Exception failure) {
    journal.event(
        Channel.SIP,
        "sip.sendFailed",
        callId,
        Map.of("message", what, "error", String.valueOf(failure.getMessage())));
  }

  private Request parse(ListenPoint from, OutgoingRequest outgoing) {
    String via =
        "SIP/2.0/"
            + from.transport().name()
            + " "
            + bindAddress
            + ":"
            + from.port()
            + ";branch=z9hG4bK"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
            + ";rport";
    String text = outgoing.text(via) + new String(outgoing.body(), StandardCharsets.UTF_8);
    try {
      return ((MessageFactoryImpl) messages).createRequest(text);
    } catch (Exception malformed) {
      throw new IllegalArgumentException("malformed outgoing request: " + malformed + "\n" + text);
    }
  }

  private SipProvider provider(ListenPoint point) {
    SipProvider provider = providersByPoint.get(point);
    if (provider == null) {
      throw new IllegalArgumentException("not a listening point of " + name + ": " + point);
    }
    return provider;
  }

  MessageFactory messages() {
    return messages;
  }

  /** Parses one header line; list headers ({@code Allow: A, B}) come back as one entry each. */
  List<Header> parseHeader(SipHeader header) throws java.text.ParseException {
    try {
      return List.of(headers.createHeader(header.name(), header.value()));
    } catch (java.text.ParseException listHeader) {
      List<Header> parsed = new ArrayList<>();
      ((HeaderFactoryImpl) headers)
          .createHeaders(header.name() + ": " + header.value())
          .forEach(h -> parsed.add((Header) h));
      return parsed;
    }
  }

  HeaderFactory headerFactory() {
    return headers;
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
    record(Direction.IN, request.getMethod(), request, point);
    ServerTransaction serverTransaction = transaction;
    serial.execute(
        callIdOf(request),
        () -> handler.onRequest(new IncomingRequest(this, request, serverTransaction, point)));
  }

  @Override
  public void processResponse(ResponseEvent event) {
    Response response = event.getResponse();
    ListenPoint point = pointsByProvider.get((SipProvider) event.getSource());
    record(Direction.IN, Integer.toString(response.getStatusCode()), response, point);
    ClientTransaction transaction = event.getClientTransaction();
    ResponseHandler responses = transaction == null ? null : pending.get(transaction);
    if (responses == null) {
      return;
    }
    if (response.getStatusCode() >= 200) {
      pending.remove(transaction);
    }
    IncomingResponse incoming =
        new IncomingResponse(
            response.getStatusCode(),
            response.getReasonPhrase(),
            headersOf(response),
            response.getRawContent() == null ? new byte[0] : response.getRawContent(),
            response.toString());
    serial.execute(callIdOf(response), () -> responses.onResponse(incoming));
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    ClientTransaction transaction = event.getClientTransaction();
    ResponseHandler responses = pending.remove(transaction);
    if (responses != null) {
      Request request = transaction.getRequest();
      journal.event(
          Channel.SIP, "sip.timeout", callIdOf(request), Map.of("method", request.getMethod()));
      serial.execute(callIdOf(request), responses::onTimeout);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    journal.event(
        Channel.SIP,
        "sip.ioError",
        null,
        Map.of("peer", event.getHost() + ":" + event.getPort() + "/" + event.getTransport()));
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    if (!event.isServerTransaction()) {
      pending.remove(event.getClientTransaction());
    }
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}

  private void record(Direction direction, String kind, Message message, ListenPoint point) {
    journal.record(
        Channel.SIP,
        direction,
        kind,
        callIdOf(message),
        Map.of("listener", point.name(), "transport", point.transport().token()),
        message.toString());
  }

  static String callIdOf(Message message) {
    Header header = message.getHeader("Call-ID");
    return header == null ? "" : valueOf(header);
  }

  private static String valueOf(Header header) {
    String encoded = header.toString();
    int colon = encoded.indexOf(':');
    return encoded.substring(colon + 1).trim();
  }

  static List<SipHeader> headersOf(Message message) {
    List<SipHeader> all = new ArrayList<>();
    ListIterator<String> names = message.getHeaderNames();
    while (names.hasNext()) {
      String headerName = names.next();
      ListIterator<Header> values = message.getHeaders(headerName);
      while (values.hasNext()) {
        Header header = values.next();
        all.add(new SipHeader(header.getName(), valueOf(header)));
      }
    }
    return all;
  }

  @Override
  public void close() {
    shutDown();
  }
}
