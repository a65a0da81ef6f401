package io.tandem.emulator.http;

/** Answers the requests of one route. May throw {@link HttpProblem} to refuse one. */
@FunctionalInterface
public interface RouteHandler {
  HttpReply handle(HttpCall call) throws Exception;
}
