package io.tandem.emulator.directrouting;

import io.tandem.emulator.siptext.SipText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A scripted SBC for tests: sends raw SIP text over UDP, TCP or TLS (with a client certificate) to
 * an emulated proxy and reads what comes back, without any SIP stack.
 */
final class TestSbc implements AutoCloseable {

  private final String transport;
  private final BlockingQueue<SipText> received = new LinkedBlockingQueue<>();
  private final List<SipText> all = new ArrayList<>();
  private DatagramSocket udp;
  private Socket stream;
  private final InetSocketAddress proxy;

  private TestSbc(String transport, InetSocketAddress proxy) {
    this.transport = transport;
    this.proxy = proxy;
  }

  static TestSbc udp(int proxyPort) throws IOException {
    TestSbc sbc = new TestSbc("udp", new InetSocketAddress("127.0.0.1", proxyPort));
    sbc.udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              byte[] buffer = new byte[65536];
              while (!sbc.udp.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                  sbc.udp.receive(packet);
                } catch (IOException closed) {
                  return;
                }
                sbc.received.add(
                    SipText.parse(
                        new String(
                            packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)));
              }
            });
    return sbc;
  }

  static TestSbc tcp(int proxyPort) throws IOException {
    TestSbc sbc = new TestSbc("tcp", new InetSocketAddress("127.0.0.1", proxyPort));
    sbc.stream = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
    sbc.readStream();
    return sbc;
  }

  /** A TLS SBC presenting {@code keyStore} (a test-pki p12), or no certificate when null. */
  static TestSbc tls(int proxyPort, String keyStore) throws Exception {
    TestSbc sbc = new TestSbc("tls", new InetSocketAddress("127.0.0.1", proxyPort));
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = null;
    if (keyStore != null) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = TestSbc.class.getResourceAsStream("/test-pki/" + keyStore)) {
        store.load(in, "changeit".toCharArray());
      }
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, "changeit".toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = TestSbc.class.getResourceAsStream("/test-pki/truststore.p12")) {
      trust.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory trusted =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trusted.init(trust);
    context.init(keys == null ? null : keys.getKeyManagers(), trusted.getTrustManagers(), null);
    SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), proxyPort);
    socket.setSoTimeout(5000);
    socket.startHandshake();
    socket.setSoTimeout(0);
    sbc.stream = socket;
    sbc.readStream();
    return sbc;
  }

  private void readStream() {
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                InputStream in = stream.getInputStream();
                StringBuilder buffer = new StringBuilder();
                byte[] chunk = new byte[8192];
                while (true) {
                  int read = in.read(chunk);
                  if (read < 0) {
                    return;
                  }
                  buffer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
                  while (true) {
                    int end = buffer.indexOf("\r\n\r\n");
                    if (end < 0) {
                      break;
                    }
                    String head = buffer.substring(0, end);
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                      String lower = line.toLowerCase();
                      if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                      }
                    }
                    if (buffer.length() < end + 4 + length) {
                      break;
                    }
                    received.add(SipText.parse(buffer.substring(0, end + 4 + length)));
                    buffer.delete(0, end + 4 + length);
                  }
                }
              } catch (IOException closed) {
                // connection closed
              }
            });
  }

  /** The local port (what the SBC puts in Via and Contact). */
  int port() {
    return udp != null ? udp.getLocalPort() : stream.getLocalPort();
  }

  String transport() {
    return transport;
  }

  void send(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (udp != null) {
      udp.send(new DatagramPacket(bytes, bytes.length, proxy));
    } else {
      OutputStream out = stream.getOutputStream();
      out.write(bytes);
      out.flush();
    }
  }

  /** The next message, or an assertion failure after {@code timeout}. */
  SipText next(Duration timeout) throws InterruptedException {
    SipText message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no SIP message within " + timeout + "; got before: " + all);
    }
    all.add(message);
    return message;
  }

  SipText next() throws InterruptedException {
    return next(Duration.ofSeconds(5));
  }

  /** Skips messages until a response with {@code status} (or a request when status is 0). */
  SipText nextFinal() throws InterruptedException {
    while (true) {
      SipText message = next();
      if (message.isResponse() && message.status() >= 200) {
        return message;
      }
    }
  }

  /** The next request with {@code method}, skipping responses. */
  SipText nextRequest(String method) throws InterruptedException {
    while (true) {
      SipText message = next();
      if (!message.isResponse() && message.method().equals(method)) {
        return message;
      }
    }
  }

  /** Whether nothing arrives within {@code quiet}. */
  boolean silentFor(Duration quiet) throws InterruptedException {
    return received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  /** A fixture with its placeholders filled; Content-Length is computed. */
  String fixture(String name, Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = TestSbc.class.getResourceAsStream("/directrouting/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> all = new java.util.HashMap<>(defaults());
    all.putAll(values);
    for (Map.Entry<String, String> value : all.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    text = text.replace("\r\n", "\n").replace("\n", "\r\n");
    int split = text.indexOf("\r\n\r\n");
    String body = text.substring(split + 4);
    return text.replace("{{contentLength}}", Integer.toString(body.length()));
  }

  private Map<String, String> defaults() {
    return Map.of(
        "transport",
        transport,
        "TRANSPORT",
        transport.toUpperCase(),
        "sbcFqdn",
        "sbc1.customers.tandem.test",
        "contactHost",
        "sbc1.customers.tandem.test",
        "sbcPort",
        Integer.toString(port()),
        "proxyPort",
        Integer.toString(proxy.getPort()),
        "branch",
        Long.toHexString(ThreadLocalRandom.current().nextLong()),
        "fromTag",
        "sbc" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffff),
        "callId",
        "call-" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
        "rtpPort",
        "40000");
  }

  @Override
  public void close() throws IOException {
    if (udp != null) {
      udp.close();
    }
    if (stream != null) {
      stream.close();
    }
  }
}
