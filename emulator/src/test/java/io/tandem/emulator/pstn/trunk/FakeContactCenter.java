package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.siptext.SipText;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A contact center faked for the carrier-trunk tests: a raw SIP UAS over UDP or TCP on loopback (no
 * SIP stack; the test writes each response and request as text) with one RTP session that plays a
 * 440 Hz tone once answered and records the RFC 4733 digits and packets it receives.
 */
final class FakeContactCenter implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(5);

  final String transport;
  final String tag = "cc" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
  private final List<SipText> received = new ArrayList<>();
  private final Set<SipText> consumed = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final StringBuilder digits = new StringBuilder();
  private final AtomicLong packets = new AtomicLong();
  private final Set<Integer> payloadTypes = ConcurrentHashMap.newKeySet();
  private final RtpSession media;
  private DatagramSocket udp;
  private ServerSocket server;
  private volatile Socket connection;
  private volatile SocketAddress carrier;
  private int cseq = 100;

  private FakeContactCenter(String transport, G711 law) throws IOException {
    this.transport = transport;
    this.media =
        RtpSession.open(
            RtpSessionOptions.defaults().withCodec(law),
            new ScheduledPacer(ticks, System::nanoTime),
            new RtpListener() {
              @Override
              public void onPacket(RtpPacket packet) {
                packets.incrementAndGet();
                payloadTypes.add(packet.payloadType());
              }

              @Override
              public void onDigit(DtmfDigit digit) {
                synchronized (digits) {
                  digits.append(digit.symbol());
                }
              }
            });
  }

  static FakeContactCenter udp() throws IOException {
    return udp(G711.PCMU);
  }

  static FakeContactCenter udp(G711 law) throws IOException {
    FakeContactCenter cc = new FakeContactCenter("udp", law);
    cc.udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(cc::receiveDatagrams);
    return cc;
  }

  static FakeContactCenter tcp(G711 law) throws IOException {
    FakeContactCenter cc = new FakeContactCenter("tcp", law);
    cc.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(cc::accept);
    return cc;
  }

  /** A center serving TLS with the test PKI's {@code tandem.p12} (names localhost, tandem.test). */
  static FakeContactCenter tls() throws Exception {
    FakeContactCenter cc = new FakeContactCenter("tls", G711.PCMU);
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store("tandem.p12"), "changeit".toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store("truststore.p12"));
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    server.setWantClientAuth(true);
    cc.server = server;
    Thread.ofVirtual().start(cc::accept);
    return cc;
  }

  private static KeyStore store(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = FakeContactCenter.class.getResourceAsStream("/test-pki/" + name)) {
      store.load(in, "changeit".toCharArray());
    }
    return store;
  }

  /** The host name the trunk's URI names (one the center's certificate carries, for TLS). */
  String host() {
    return transport.equals("tls") ? "tandem.test" : "cc.tandem.test";
  }

  /** The subject of the certificate the carrier presented on the TLS connection, if any. */
  String peerSubject() throws Exception {
    return ((SSLSocket) connection).getSession().getPeerCertificates()[0].toString();
  }

  int port() {
    return udp != null ? udp.getLocalPort() : server.getLocalPort();
  }

  /** The next request with {@code method} not yet taken, waiting up to {@link #WAIT}. */
  SipText await(String method) throws InterruptedException {
    return awaitMatching(m -> !m.isResponse() && m.method().equals(method), method);
  }

  /** The next request of call {@code callId} with {@code method} not yet taken. */
  SipText await(String callId, String method) throws InterruptedException {
    return awaitMatching(
        m -> !m.isResponse() && m.method().equals(method) && callId.equals(m.callId()),
        method + " of " + callId);
  }

  /** The next response of call {@code callId} to a {@code method} request not yet taken. */
  SipText awaitResponse(String callId, String method) throws InterruptedException {
    return awaitMatching(
        m -> m.isResponse() && m.cseqMethod().equals(method) && callId.equals(m.callId()),
        "response to " + method + " of " + callId);
  }

  /** Whether a request of call {@code callId} with {@code method} arrived and was not taken. */
  boolean has(String callId, String method) {
    synchronized (received) {
      return received.stream()
          .anyMatch(
              m ->
                  !consumed.contains(m)
                      && !m.isResponse()
                      && m.method().equals(method)
                      && callId.equals(m.callId()));
    }
  }

  /** The next response to a {@code method} request not yet taken. */
  SipText awaitResponse(String method) throws InterruptedException {
    return awaitMatching(
        m -> m.isResponse() && m.cseqMethod().equals(method), "response to " + method);
  }

  private SipText awaitMatching(java.util.function.Predicate<SipText> wanted, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (received) {
      while (true) {
        for (SipText message : received) {
          if (!consumed.contains(message) && wanted.test(message)) {
            consumed.add(message);
            return message;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + what + " within " + WAIT + "; received " + summary());
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Whether a request with {@code method} arrived and was not taken. */
  boolean has(String method) {
    synchronized (received) {
      return received.stream()
          .anyMatch(m -> !consumed.contains(m) && !m.isResponse() && m.method().equals(method));
    }
  }

  List<String> summary() {
    synchronized (received) {
      return received.stream().map(SipText::startLine).toList();
    }
  }

  /** Answers {@code request} without a body. */
  void respond(SipText request, int status, String reason, String... extra) throws IOException {
    send(request.response(status, reason, status == 100 ? "" : tag, extra));
  }

  /** Answers with this center's SDP, connects media to the request's SDP and plays the tone. */
  void respondWithMedia(SipText invite, int status, String reason) throws IOException {
    media.connect(new InetSocketAddress("127.0.0.1", invite.sdpPort()));
    media.play(ToneSource.steady(440, 8000));
    send(
        invite.responseWithBody(
            status,
            reason,
            tag,
            "application/sdp",
            sdp("sendrecv"),
            "Contact: <sip:queue@127.0.0.1:" + port() + ";transport=" + transport + ">"));
  }

  String sdp(String direction) {
    int pt = media.options().codec().payloadType();
    return "v=0\r\no=cc 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + media.localAddress().getPort()
        + " RTP/AVP "
        + pt
        + " 101\r\na=rtpmap:"
        + pt
        + (pt == 0 ? " PCMU/8000" : " PCMA/8000")
        + "\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na="
        + direction
        + "\r\n";
  }

  /** Sends a request inside the dialog {@code invite} set up (this center is the UAS). */
  void sendInDialog(SipText invite, String method, String contentType, String body, String... extra)
      throws IOException {
    StringBuilder text = new StringBuilder(method + " " + invite.contactUri() + " SIP/2.0\r\n");
    text.append("Via: SIP/2.0/")
        .append(transport.toUpperCase())
        .append(" 127.0.0.1:")
        .append(port())
        .append(";branch=z9hG4bK")
        .append(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
        .append(";rport\r\n");
    text.append("Max-Forwards: 70\r\n");
    text.append("From: ").append(invite.header("To").orElseThrow()).append(";tag=").append(tag);
    text.append("\r\nTo: ").append(invite.header("From").orElseThrow()).append("\r\n");
    text.append("Call-ID: ").append(invite.header("Call-ID").orElseThrow()).append("\r\n");
    text.append("CSeq: ").append(++cseq).append(' ').append(method).append("\r\n");
    text.append("Contact: <sip:queue@127.0.0.1:").append(port()).append(">\r\n");
    for (String line : extra) {
      text.append(line).append("\r\n");
    }
    if (!body.isEmpty()) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
    send(text.toString());
  }

  String digits() {
    synchronized (digits) {
      return digits.toString();
    }
  }

  long packets() {
    return packets.get();
  }

  Set<Integer> payloadTypes() {
    return Set.copyOf(payloadTypes);
  }

  void send(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (udp != null) {
      udp.send(new DatagramPacket(bytes, bytes.length, carrier));
    } else {
      OutputStream out = connection.getOutputStream();
      synchronized (out) {
        out.write(bytes);
        out.flush();
      }
    }
  }

  private void arrived(SipText message) {
    synchronized (received) {
      received.add(message);
      received.notifyAll();
    }
  }

  private void receiveDatagrams() {
    byte[] buffer = new byte[65536];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException closed) {
        return;
      }
      carrier = packet.getSocketAddress();
      arrived(
          SipText.parse(
              new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)));
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connection = socket;
        Thread.ofVirtual().start(() -> readStream(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void readStream(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      StringBuilder buffer = new StringBuilder();
      byte[] chunk = new byte[8192];
      while (true) {
        int read = in.read(chunk);
        if (read < 0) {
          return;
        }
        buffer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
        while (true) {
          while (buffer.length() >= 2 && buffer.substring(0, 2).equals("\r\n")) {
            buffer.delete(0, 2);
          }
          int end = buffer.indexOf("\r\n\r\n");
          if (end < 0) {
            break;
          }
          int length = 0;
          for (String line : buffer.substring(0, end).split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
              length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          if (buffer.length() < end + 4 + length) {
            break;
          }
          connection = socket;
          arrived(SipText.parse(buffer.substring(0, end + 4 + length)));
          buffer.delete(0, end + 4 + length);
        }
      }
    } catch (IOException closed) {
      // the carrier closed the connection
    }
  }

  @Override
  public void close() throws IOException {
    media.close();
    ticks.shutdownNow();
    if (udp != null) {
      udp.close();
    }
    if (server != null) {
      server.close();
    }
    if (connection != null) {
      connection.close();
    }
  }
}
