package io.tandem.emulator.acs;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFC 6455 server standing in for an application's {@code transportUrl}: accepts the
 * upgrade, records the handshake headers, and queues every text frame the emulator sends.
 */
final class TestWebSocketServer implements AutoCloseable {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Map<String, String>> handshakes = new LinkedBlockingQueue<>();

  TestWebSocketServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::acceptLoop);
  }

  String url(String path) {
    return "ws://127.0.0.1:" + server.getLocalPort() + path;
  }

  /** The next text frame, waiting up to {@code timeout}. */
  String nextFrame(Duration timeout) throws InterruptedException {
    String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("no WebSocket frame within " + timeout);
    }
    return frame;
  }

  Map<String, String> handshake(Duration timeout) throws InterruptedException {
    Map<String, String> headers = handshakes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (headers == null) {
      throw new AssertionError("no WebSocket handshake within " + timeout);
    }
    return headers;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      Map<String, String> headers = new TreeMap<>();
      String line;
      readLine(in);
      while (!(line = readLine(in)).isEmpty()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      String accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest(
                          (headers.get("sec-websocket-key") + GUID)
                              .getBytes(StandardCharsets.US_ASCII)));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                  + accept
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      handshakes.add(headers);
      DataInputStream data = new DataInputStream(in);
      while (true) {
        int first = data.readUnsignedByte();
        int second = data.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = data.readUnsignedShort();
        } else if (length == 127) {
          length = data.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
          data.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        int opcode = first & 0x0f;
        if (opcode == 1) {
          frames.add(new String(payload, StandardCharsets.UTF_8));
        } else if (opcode == 8) {
          frames.add("<close>");
          out.write(new byte[] {(byte) 0x88, 0});
          out.flush();
          return;
        }
      }
    } catch (Exception ended) {
      // the connection ended
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
