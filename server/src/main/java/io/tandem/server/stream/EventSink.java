package io.tandem.server.stream;

import java.io.IOException;

/** Where a stream writes: one client's connection (an SSE emitter in the server). */
public interface EventSink {

  /** Sends one event with its id and type; blocks while the network does. */
  void send(long id, String type, String json) throws IOException;

  /** Sends a comment line, to keep the connection alive and find dead clients. */
  void keepAlive() throws IOException;

  /** Ends the stream (normally, or because the client fell behind or went away). */
  void close();
}
