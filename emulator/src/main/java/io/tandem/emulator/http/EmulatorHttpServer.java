package io.tandem.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP server (plain, and HTTPS when TLS material is given) serving {@link HttpRoutes}.
 * Each exchange runs on its own virtual thread; each request and reply goes into the journal.
 */
public final class EmulatorHttpServer implements AutoCloseable {

  private static final Logger LOG = System.getLogger(EmulatorHttpServer.class.getName());
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final HttpRoutes routes;
  private final Journal journal;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  /**
   * Binds {@code address}; {@code tls} null means plain HTTP. Call {@link #start()} to serve.
   *
   * @throws IOException if the address cannot be bound
   */
  public EmulatorHttpServer(
      InetSocketAddress address, @Nullable SSLContext tls, HttpRoutes routes, Journal journal)
      throws IOException {
    this.routes = routes;
    this.journal = journal;
    if (tls == null) {
      server = HttpServer.create(address, 1024);
    } else {
      HttpsServer https = HttpsServer.create(address, 1024);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  public EmulatorHttpServer start() {
    server.start();
    return this;
  }

  /** The bound port (useful when bound to port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = readBody(exchange.getRequestBody());
      HttpRoutes.Resolution resolution = routes.resolve(method, path);
      Route route = resolution.route();
      HttpCall call =
          new HttpCall(
              method,
              path,
              exchange.getRequestURI().getRawQuery(),
              resolution.variables(),
              lowerCased(exchange.getRequestHeaders()),
              body,
              exchange.getRemoteAddress(),
              server instanceof HttpsServer);
      var channel = route != null ? route.channel() : routes.channelOf(path);
      journal.record(
          channel,
          Direction.IN,
          method + " " + path,
          null,
          Map.of("query", String.valueOf(call.rawQuery())),
          body.length == 0 ? null : call.text());
      HttpReply reply = answer(route, resolution.pathKnown(), call);
      journal.record(
          channel,
          Direction.OUT,
          "response " + reply.status(),
          null,
          Map.of("request", method + " " + path, "status", Integer.toString(reply.status())),
          reply.body().length == 0 ? null : reply.text());
      send(exchange, reply);
    }
  }

  private static HttpReply answer(@Nullable Route route, boolean pathKnown, HttpCall call) {
    if (route == null) {
      return pathKnown
          ? errorReply(405, "MethodNotAllowed", call.method() + " is not allowed on " + call.path())
          : errorReply(404, "NotFound", "no resource at " + call.path());
    }
    try {
      return route.handler().handle(call);
    } catch (HttpProblem problem) {
      return problem.reply();
    } catch (Exception unexpected) {
      LOG.log(
          Level.ERROR, "emulator route failed: " + call.method() + " " + call.path(), unexpected);
      return errorReply(500, "InternalServerError", String.valueOf(unexpected.getMessage()));
    }
  }

  private static HttpReply errorReply(int status, String code, String message) {
    var error = Json.object();
    error.putObject("error").put("code", code).put("message", message);
    return HttpReply.json(status, error);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return lower;
  }

  private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    boolean noBody = reply.body().length == 0;
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
