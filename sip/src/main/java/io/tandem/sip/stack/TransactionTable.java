package io.tandem.sip.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The live transactions of an endpoint, found by their keys (RFC 3261 §17.1.3, §17.2.3): a client
 * transaction by the branch it put in Via and its method; a server transaction by the top Via's
 * branch and sent-by and the method (an ACK finds its INVITE), or, for a pre-RFC 3261 branch, by
 * Call-ID, CSeq, From tag and the whole top Via.
 */
final class TransactionTable {

  private final Map<String, ServerTransaction> servers = new ConcurrentHashMap<>();
  private final Map<String, ClientTransaction> clients = new ConcurrentHashMap<>();
  private final Lingering lingering;
  private final UnansweredRequests unanswered;

  TransactionTable(StackTimers timers) {
    this.lingering = new Lingering(timers);
    this.unanswered = new UnansweredRequests(timers, servers.values());
  }

  /** Ends {@code transaction} (it leaves the table) after {@code millis}. */
  void endAfter(long millis, Lingering.Lingerer transaction) {
    lingering.after(millis, transaction);
  }

  /** The key of the server transaction {@code request} belongs to. */
  static String serverKey(SipMessage request, Via via) {
    String method = request.method();
    String matched = method.equals("ACK") ? "INVITE" : method;
    if (via.hasRfc3261Branch()) {
      return via.branch() + '|' + via.sentBy() + '|' + matched;
    }
    String fromTag = request.first("From").map(NameAddress::parse).map(NameAddress::tag).orElse("");
    return request.callId()
        + '|'
        + request.cseqNumber()
        + '|'
        + fromTag
        + '|'
        + request.first("Via").orElse("")
        + '|'
        + matched;
  }

  /** The key of a client transaction: its branch and method. */
  static String clientKey(String branch, String method) {
    return branch + '|' + method;
  }

  @Nullable ServerTransaction server(String key) {
    return servers.get(key);
  }

  /** Adds {@code transaction} unless its key is taken; returns the one in the table. */
  ServerTransaction addServer(ServerTransaction transaction) {
    ServerTransaction existing = servers.putIfAbsent(transaction.key(), transaction);
    return existing == null ? transaction : existing;
  }

  @Nullable ClientTransaction client(String key) {
    return clients.get(key);
  }

  void addClient(ClientTransaction transaction) {
    clients.put(transaction.key(), transaction);
  }

  void remove(ServerTransaction transaction) {
    servers.remove(transaction.key(), transaction);
  }

  void remove(ClientTransaction transaction) {
    clients.remove(transaction.key(), transaction);
  }

  /** How many transactions wait out their time to absorb retransmissions. */
  int lingering() {
    return lingering.size();
  }

  /**
   * The connection {@code closed} carried requests on has closed: every client transaction still
   * waiting on it for its final response fails (a transport error). A scan of the table, on the
   * rare close of a connection that carried requests, instead of a registry per connection.
   */
  void failWaitingOn(Flow closed) {
    for (ClientTransaction transaction : clients.values()) {
      transaction.onFlowClosed(closed);
    }
  }

  /** How many transactions are live (both sides). */
  int size() {
    return servers.size() + clients.size();
  }
}
