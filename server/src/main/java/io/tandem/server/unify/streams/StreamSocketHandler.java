package io.tandem.server.unify.streams;

import io.tandem.acs.streams.Reception;
import io.tandem.acs.streams.StreamSession;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * One ACS stream endpoint: opens a {@link StreamSession} per connection, joins the pieces of each
 * text frame (at most {@code maxFrameChars}), hands whole frames to the session, counts what it
 * accepts and refuses, and closes a connection with 1007 once it has sent too many bad frames or
 * with 1003 on a binary frame. A sink that throws is logged and counted; the connection goes on.
 */
final class StreamSocketHandler extends TextWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(StreamSocketHandler.class);
  private static final String SESSION = StreamSocketHandler.class.getName() + ".session";
  private static final String PIECES = StreamSocketHandler.class.getName() + ".pieces";

  private final String stream;
  private final Function<String, StreamSession> opener;
  private final OpenStreams open;
  private final StreamMeters meters;
  private final int maxFrameChars;

  /** {@code opener} makes the session of a call connection id. */
  StreamSocketHandler(
      String stream,
      Function<String, StreamSession> opener,
      OpenStreams open,
      StreamMeters meters,
      int maxFrameChars) {
    this.stream = stream;
    this.opener = opener;
    this.open = open;
    this.meters = meters;
    this.maxFrameChars = maxFrameChars;
  }

  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession socket) {
    String callConnectionId =
        (String) socket.getAttributes().get(StreamHandshake.CALL_CONNECTION_ID);
    StreamSession session = opener.apply(callConnectionId);
    socket.getAttributes().put(SESSION, session);
    open.opened(socket.getId(), session);
    log.debug("ACS {} stream of call {} opened", stream, callConnectionId);
  }

  @Override
  protected void handleTextMessage(WebSocketSession socket, TextMessage message)
      throws IOException {
    StreamSession session = (StreamSession) socket.getAttributes().get(SESSION);
    Pieces pieces = (Pieces) socket.getAttributes().get(PIECES);
    if (pieces == null && message.isLast()) {
      String text = message.getPayload();
      settle(
          socket,
          session,
          text.length() > maxFrameChars ? session.tooLarge(text.length()) : deliver(session, text));
      return;
    }
    if (pieces == null) {
      pieces = new Pieces();
      socket.getAttributes().put(PIECES, pieces);
    }
    pieces.add(message.getPayload(), maxFrameChars);
    if (!message.isLast()) {
      return;
    }
    socket.getAttributes().remove(PIECES);
    settle(
        socket,
        session,
        pieces.text == null
            ? session.tooLarge(pieces.chars)
            : deliver(session, pieces.text.toString()));
  }

  /** The session's reception of {@code text}; null when its sink threw (logged and counted). */
  private @Nullable Reception deliver(StreamSession session, String text) {
    try {
      return session.receive(text);
    } catch (RuntimeException failed) {
      log.warn("ACS stream sink failed for call {}", session.callConnectionId(), failed);
      meters.rejected("sink-failed");
      return null;
    }
  }

  private void settle(WebSocketSession socket, StreamSession session, @Nullable Reception reception)
      throws IOException {
    if (reception == null) {
      return;
    }
    switch (reception) {
      case Reception.Accepted accepted -> meters.frame(accepted.frame().kind());
      case Reception.Refused refused -> {
        meters.rejected(refused.reason().tag());
        log.warn(
            "ACS {} stream of call {}: frame refused ({}): {}",
            stream,
            session.callConnectionId(),
            refused.reason().tag(),
            refused.detail());
        if (refused.limitReached()) {
          meters.rejected("closed-bad-data");
          socket.close(CloseStatus.BAD_DATA.withReason("too many invalid frames"));
        }
      }
    }
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
    meters.rejected("binary");
    try {
      socket.close(CloseStatus.NOT_ACCEPTABLE.withReason("text frames only"));
    } catch (IOException closing) {
      log.debug("closing ACS {} stream after a binary frame failed", stream, closing);
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
    open.closed(socket.getId());
    StreamSession session = (StreamSession) socket.getAttributes().get(SESSION);
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException failed) {
        log.warn("ACS stream sink failed to close call {}", session.callConnectionId(), failed);
        meters.rejected("sink-failed");
      }
      log.debug("ACS {} stream of call {} closed: {}", stream, session.callConnectionId(), status);
    }
  }

  /** The pieces of one text frame so far; {@code text} is null once it is too large. */
  private static final class Pieces {
    private @Nullable StringBuilder text = new StringBuilder();
    private long chars;

    void add(String piece, int max) {
      chars += piece.length();
      if (text != null && chars > max) {
        text = null;
      } else if (text != null) {
        text.append(piece);
      }
    }
  }
}
