package io.tandem.emulator.graph.presence;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.graph.GraphThrottle;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.RouteHandler;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Graph's presence API under {@code /v1.0}: reads (single and bulk, throttled as documented) and
 * the app actions setPresence, clearPresence, setUserPreferredPresence, clearUserPreferredPresence
 * and setStatusMessage, each also under its {@code microsoft.graph.}-qualified name and under
 * {@code /communications/presences/{id}}.
 */
final class PresenceRoutes {

  static final int MAX_IDS = 650;
  static final List<String> READ_ROLES = List.of("Presence.Read.All", "Presence.ReadWrite.All");
  static final List<String> WRITE_ROLES = List.of("Presence.ReadWrite.All");
  private static final Duration MIN_SESSION = Duration.ofMinutes(5);
  private static final Duration MAX_SESSION = Duration.ofHours(4);

  private final PresenceBoard board;
  private final GraphAuth auth;
  private final GraphThrottle throttle;
  private final Scheduler clock;
  private final Supplier<PresenceSettings> settings;

  PresenceRoutes(
      PresenceBoard board,
      GraphAuth auth,
      GraphThrottle throttle,
      Scheduler clock,
      Supplier<PresenceSettings> settings) {
    this.board = board;
    this.auth = auth;
    this.throttle = throttle;
    this.clock = clock;
    this.settings = settings;
  }

  void register(HttpRoutes routes, GraphExchange exchange) {
    exchange
        .add(routes, "GET", "/v1.0/users/{userId}/presence", call -> read(call, true))
        .add(routes, "GET", "/v1.0/communications/presences/{userId}", call -> read(call, false))
        .add(routes, "GET", "/v1.0/me/presence", this::me);
    for (String action : List.of("getPresencesByUserId", "microsoft.graph.getPresencesByUserId")) {
      exchange.add(routes, "POST", "/v1.0/communications/" + action, this::bulk);
    }
    for (String base :
        List.of("/v1.0/users/{userId}/presence", "/v1.0/communications/presences/{userId}")) {
      action(routes, exchange, base, "setPresence", this::setPresence);
      action(routes, exchange, base, "clearPresence", this::clearPresence);
      action(routes, exchange, base, "setUserPreferredPresence", this::setPreferred);
      action(routes, exchange, base, "clearUserPreferredPresence", this::clearPreferred);
      action(routes, exchange, base, "setStatusMessage", this::setStatusMessage);
    }
  }

  private static void action(
      HttpRoutes routes, GraphExchange exchange, String base, String name, RouteHandler handler) {
    exchange.add(routes, "POST", base + "/" + name, handler);
    exchange.add(routes, "POST", base + "/microsoft.graph." + name, handler);
  }

  private HttpReply read(HttpCall call, boolean underUsers) {
    AccessToken token = auth.require(call, READ_ROLES);
    throttle(token, "getPresence");
    String userId = GraphRequests.userId(call);
    return board
        .presence(token.tenantId(), userId)
        .map(
            view ->
                HttpReply.json(
                    200,
                    underUsers ? PresenceJson.ofUser(view) : PresenceJson.ofCommunications(view)))
        .orElseThrow(() -> GraphRequests.noSuchUser(userId));
  }

  private HttpReply me(HttpCall call) {
    auth.require(call, READ_ROLES);
    throw GraphErrors.badRequest("/me request is only valid with delegated authentication flow.");
  }

  private HttpReply bulk(HttpCall call) {
    AccessToken token = auth.require(call, READ_ROLES);
    throttle(token, "getPresencesByUserId");
    JsonNode ids = GraphRequests.object(call).get("ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw GraphErrors.badRequest("The 'ids' property must be a non-empty array of user ids.");
    }
    if (ids.size() > MAX_IDS) {
      throw GraphErrors.badRequest(
          "The number of ids (" + ids.size() + ") exceeds the maximum of " + MAX_IDS + ".");
    }
    List<PresenceView> views = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isString() || !GraphRequests.isGuid(id.asString())) {
        throw GraphErrors.badRequest("'" + id.asString("") + "' is not a valid user object id.");
      }
      views.add(
          board
              .presence(token.tenantId(), id.asString())
              .orElseGet(() -> PresenceJson.unknown(id.asString())));
    }
    return HttpReply.json(200, PresenceJson.collection(views));
  }

  private HttpReply setPresence(HttpCall call) {
    AccessToken token = auth.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    JsonNode body = GraphRequests.object(call);
    requireOwnSession(call, token, GraphRequests.text(body, "sessionId"));
    PresenceState state = GraphRequests.pair(body, PresenceState.APP_SESSION_PAIRS, "setPresence");
    Duration expiration = GraphRequests.duration(body, "expirationDuration", MIN_SESSION);
    if (expiration.compareTo(MIN_SESSION) < 0 || expiration.compareTo(MAX_SESSION) > 0) {
      throw GraphErrors.badRequest(
          "expirationDuration " + expiration + " is outside the valid range PT5M to PT4H.");
    }
    board.setAppSession(token.tenantId(), userId, token.appId(), state, expiration);
    return HttpReply.empty(200);
  }

  private HttpReply clearPresence(HttpCall call) {
    AccessToken token = auth.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    String sessionId = GraphRequests.text(GraphRequests.object(call), "sessionId");
    requireOwnSession(call, token, sessionId);
    if (!board.clearAppSession(token.tenantId(), userId, token.appId())) {
      throw GraphErrors.problem(
          404, "NotFound", "The user has no presence session '" + sessionId + "'.");
    }
    return HttpReply.empty(200);
  }

  private HttpReply setPreferred(HttpCall call) {
    AccessToken token = auth.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    JsonNode body = GraphRequests.object(call);
    PresenceState state =
        GraphRequests.pair(body, PresenceState.PREFERRED_PAIRS, "setUserPreferredPresence");
    Availability availability = state.availability();
    Duration fallback =
        availability == Availability.Busy || availability == Availability.DoNotDisturb
            ? Duration.ofDays(1)
            : Duration.ofDays(7);
    Duration expiration = GraphRequests.duration(body, "expirationDuration", fallback);
    if (expiration.isNegative() || expiration.isZero()) {
      throw GraphErrors.badRequest("expirationDuration must be positive.");
    }
    board.setPreferred(token.tenantId(), userId, state, expiration);
    return HttpReply.empty(200);
  }

  private HttpReply clearPreferred(HttpCall call) {
    AccessToken token = auth.require(call, WRITE_ROLES);
    board.clearPreferred(token.tenantId(), knownUser(call, token));
    return HttpReply.empty(200);
  }

  private HttpReply setStatusMessage(HttpCall call) {
    AccessToken token = auth.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    StatusMessages.Parsed parsed = StatusMessages.parse(GraphRequests.object(call), clock.now());
    board.setStatusMessage(token.tenantId(), userId, parsed.message(), parsed.expiresIn());
    return HttpReply.empty(200);
  }

  private void requireOwnSession(HttpCall call, AccessToken token, String sessionId) {
    if (!sessionId.equalsIgnoreCase(token.appId())) {
      throw GraphErrors.badRequest(
          "sessionId '"
              + sessionId
              + "' must be the id of the calling application ("
              + token.appId()
              + ").");
    }
  }

  private String knownUser(HttpCall call, AccessToken token) {
    String userId = GraphRequests.userId(call);
    if (!board.knows(token.tenantId(), userId)) {
      throw GraphRequests.noSuchUser(userId);
    }
    return userId;
  }

  private void throttle(AccessToken token, String api) {
    PresenceSettings limits = settings.get();
    if (limits.throttling()) {
      throttle.admit(token, api, limits.throttleRequests(), limits.throttleWindow());
    }
  }
}
