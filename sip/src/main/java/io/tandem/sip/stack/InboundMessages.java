package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What an endpoint does with each message its transports receive, on the transport's thread: parses
 * it; answers a malformed request 400 (in a transaction, so its retransmissions and ACK are
 * absorbed) and drops what cannot be answered; absorbs retransmitted requests (their latest
 * response goes again) and the ACKs of non-2xx responses; hands new requests, with a server
 * transaction, and 2xx ACKs, without, to the endpoint; gives responses to their client transaction,
 * else to the endpoint as stray.
 */
final class InboundMessages {

  private static final System.Logger LOG = System.getLogger(InboundMessages.class.getName());

  private final SipEndpoint endpoint;
  private final TransactionTable transactions;
  private final StackTimers timers;

  InboundMessages(SipEndpoint endpoint, TransactionTable transactions, StackTimers timers) {
    this.endpoint = endpoint;
    this.transactions = transactions;
    this.timers = timers;
  }

  void onMessage(byte[] bytes, Flow from, ListenPoint arrivedOn) {
    SipMessage message;
    try {
      message = MessageParser.parse(bytes);
    } catch (MessageParser.UnreadableMessage unreadable) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "unreadable message from {0} dropped: {1}",
          from.remote(),
          unreadable.getMessage());
      return;
    }
    if (message.isRequest()) {
      request(message, from, arrivedOn);
    } else {
      response(message, from);
    }
  }

  private void response(SipMessage response, Flow from) {
    Via via;
    try {
      via = Via.parse(response.first("Via").orElse(""));
    } catch (IllegalArgumentException unreadable) {
      LOG.log(System.Logger.Level.DEBUG, "response without a Via from {0}", from.remote());
      return;
    }
    ClientTransaction transaction =
        transactions.client(TransactionTable.clientKey(via.branch(), response.cseqMethod()));
    if (transaction != null) {
      transaction.onResponse(response);
    } else if (!response.callId().isEmpty()) {
      endpoint.strayResponse(response);
    }
  }

  private void request(SipMessage request, Flow from, ListenPoint arrivedOn) {
    long arrived = timers.nowMillis();
    String problem = MessageCheck.problem(request);
    if (problem != null) {
      reject(request, from, arrivedOn, problem);
      return;
    }
    Via via = Via.parse(request.first("Via").orElseThrow());
    String key = TransactionTable.serverKey(request, via);
    String replyVia =
        ResponseWriter.replyVia(via, request.first("Via").orElseThrow(), from.remote());
    Flow back = responseFlow(via, from, arrivedOn);
    if (request.method().equals("ACK")) {
      ServerTransaction invite = transactions.server(key);
      if (invite == null || !invite.onAck()) {
        endpoint.deliver(
            new InboundRequest(endpoint, request, null, arrivedOn, back, replyVia), arrived);
      }
      return;
    }
    ServerTransaction created =
        new ServerTransaction(key, request.method().equals("INVITE"), back, timers, transactions);
    ServerTransaction transaction = transactions.addServer(created);
    if (transaction != created) {
      transaction.onRetransmission();
      return;
    }
    InboundRequest delivered =
        new InboundRequest(endpoint, request, transaction, arrivedOn, back, replyVia);
    transaction.awaitAnswer(delivered);
    endpoint.deliver(delivered, arrived);
  }

  /**
   * Where responses go (RFC 3261 §18.2.2, RFC 3581): back on the request's flow — for UDP without
   * {@code rport}, to the source address at the Via's port.
   */
  private Flow responseFlow(Via via, Flow from, ListenPoint arrivedOn) {
    int viaPort = via.port() < 0 ? Transport.UDP.defaultPort() : via.port();
    if (from.transport() != Transport.UDP
        || via.parameters().containsKey("rport")
        || viaPort == from.remote().getPort()) {
      return from;
    }
    return endpoint.udpFlow(arrivedOn, new InetSocketAddress(from.remote().getAddress(), viaPort));
  }

  private void reject(SipMessage request, Flow from, ListenPoint arrivedOn, String problem) {
    if (!MessageCheck.canAnswer(request)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "malformed {0} from {1} dropped: {2}",
          request.method(),
          from.remote(),
          problem);
      return;
    }
    Via via;
    try {
      via = Via.parse(request.first("Via").orElseThrow());
    } catch (IllegalArgumentException unreadable) {
      return;
    }
    String key = TransactionTable.serverKey(request, via);
    ServerTransaction created =
        new ServerTransaction(key, request.method().equals("INVITE"), from, timers, transactions);
    ServerTransaction transaction = transactions.addServer(created);
    if (transaction != created) {
      transaction.onRetransmission();
      return;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "malformed {0} from {1}: 400 ({2})",
        request.method(),
        from.remote(),
        problem);
    String replyVia =
        ResponseWriter.replyVia(via, request.first("Via").orElseThrow(), from.remote());
    byte[] response =
        ResponseWriter.write(
            request,
            replyVia,
            400,
            "Bad Request",
            Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()),
            List.of(SipHeader.of("Warning", "399 tandem \"" + problem.replace('"', '\'') + "\"")),
            null,
            null);
    try {
      transaction.respond(response, 400);
    } catch (IOException failed) {
      LOG.log(System.Logger.Level.DEBUG, "400 not sent: {0}", failed.toString());
    }
  }
}
