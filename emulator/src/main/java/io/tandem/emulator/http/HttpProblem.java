package io.tandem.emulator.http;

/**
 * Thrown by a handler to refuse a request with the reply the emulated service would give (each
 * service has its own error shape: Graph's {@code error.code}, Entra's {@code error_description},
 * ACS's {@code error}).
 */
public final class HttpProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient HttpReply reply;

  public HttpProblem(HttpReply reply) {
    super("HTTP " + reply.status() + ": " + reply.text(), null, false, false);
    this.reply = reply;
  }

  public HttpReply reply() {
    return reply;
  }
}
