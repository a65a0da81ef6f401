package io.tandem.emulator.graph.presence;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.presence.internal.GraphCallers;
import io.tandem.emulator.graph.presence.internal.GraphReplies;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.RouteHandler;
import io.tandem.emulator.journal.Channel;
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
  private final GraphCallers callers;
  private final GraphReplies replies;
  private final GraphRequests requests;
  private final Throttle throttle;
  private final Supplier<PresenceSettings> settings;

  PresenceRoutes(
      PresenceBoard board,
      GraphCallers callers,
      GraphReplies replies,
      Throttle throttle,
      Supplier<PresenceSettings> settings) {
    this.board = board;
    this.callers = callers;
    this.replies = replies;
    this.requests = new GraphRequests(replies);
    this.throttle = throttle;
    this.settings = settings;
  }

  void register(HttpRoutes routes) {
    get(routes, "/v1.0/users/{userId}/presence", call -> read(call, true));
    get(routes, "/v1.0/communications/presences/{userId}", call -> read(call, false));
    routes.add(Channel.GRAPH, "GET", "/v1.0/me/presence", this::me);
    for (String action : List.of("getPresencesByUserId", "microsoft.graph.getPresencesByUserId")) {
      routes.add(Channel.GRAPH, "POST", "/v1.0/communications/" + action, this::bulk);
    }
    for (String base :
        List.of("/v1.0/users/{userId}/presence", "/v1.0/communications/presences/{userId}")) {
      action(routes, base, "setPresence", this::setPresence);
      action(routes, base, "clearPresence", this::clearPresence);
      action(routes, base, "setUserPreferredPresence", this::setPreferred);
      action(routes, base, "clearUserPreferredPresence", this::clearPreferred);
      action(routes, base, "setStatusMessage", this::setStatusMessage);
    }
  }

  private static void get(HttpRoutes routes, String pattern, RouteHandler handler) {
    routes.add(Channel.GRAPH, "GET", pattern, handler);
  }

  private static void action(HttpRoutes routes, String base, String name, RouteHandler handler) {
    routes.add(Channel.GRAPH, "POST", base + "/" + name, handler);
    routes.add(Channel.GRAPH, "POST", base + "/microsoft.graph." + name, handler);
  }

  private HttpReply read(HttpCall call, boolean underUsers) {
    AccessToken token = callers.require(call, READ_ROLES);
    throttle(call, token, "getPresence");
    String userId = requests.userId(call);
    return board
        .presence(token.tenantId(), userId)
        .map(
            view ->
                replies.ok(
                    call,
                    200,
                    underUsers ? PresenceJson.ofUser(view) : PresenceJson.ofCommunications(view)))
        .orElseGet(() -> requests.noSuchUser(call, userId));
  }

  private HttpReply me(HttpCall call) {
    callers.require(call, READ_ROLES);
    return replies.error(
        call, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
  }

  private HttpReply bulk(HttpCall call) {
    AccessToken token = callers.require(call, READ_ROLES);
    throttle(call, token, "getPresencesByUserId");
    JsonNode ids = requests.object(call).get("ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw replies.badRequest(call, "The 'ids' property must be a non-empty array of user ids.");
    }
    if (ids.size() > MAX_IDS) {
      throw replies.badRequest(
          call, "The number of ids (" + ids.size() + ") exceeds the maximum of " + MAX_IDS + ".");
    }
    List<PresenceView> views = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isString() || !GraphRequests.isGuid(id.asString())) {
        throw replies.badRequest(call, "'" + id.asString("") + "' is not a valid user object id.");
      }
      views.add(
          board
              .presence(token.tenantId(), id.asString())
              .orElseGet(() -> PresenceJson.unknown(id.asString())));
    }
    return replies.ok(call, 200, PresenceJson.collection(views));
  }

  private HttpReply setPresence(HttpCall call) {
    AccessToken token = callers.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    JsonNode body = requests.object(call);
    requireOwnSession(call, token, requests.text(call, body, "sessionId"));
    PresenceState state = requests.pair(call, body, PresenceState.APP_SESSION_PAIRS, "setPresence");
    Duration expiration = requests.duration(call, body, "expirationDuration", MIN_SESSION);
    if (expiration.compareTo(MIN_SESSION) < 0 || expiration.compareTo(MAX_SESSION) > 0) {
      throw replies.badRequest(
          call, "expirationDuration " + expiration + " is outside the valid range PT5M to PT4H.");
    }
    board.setAppSession(token.tenantId(), userId, token.appId(), state, expiration);
    return replies.empty(call, 200);
  }

  private HttpReply clearPresence(HttpCall call) {
    AccessToken token = callers.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    String sessionId = requests.text(call, requests.object(call), "sessionId");
    requireOwnSession(call, token, sessionId);
    if (!board.clearAppSession(token.tenantId(), userId, token.appId())) {
      throw replies.problem(
          call, 404, "NotFound", "The user has no presence session '" + sessionId + "'.");
    }
    return replies.empty(call, 200);
  }

  private HttpReply setPreferred(HttpCall call) {
    AccessToken token = callers.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    JsonNode body = requests.object(call);
    PresenceState state =
        requests.pair(call, body, PresenceState.PREFERRED_PAIRS, "setUserPreferredPresence");
    Availability availability = state.availability();
    Duration fallback =
        availability == Availability.Busy || availability == Availability.DoNotDisturb
            ? Duration.ofDays(1)
            : Duration.ofDays(7);
    Duration expiration = requests.duration(call, body, "expirationDuration", fallback);
    if (expiration.isNegative() || expiration.isZero()) {
      throw replies.badRequest(call, "expirationDuration must be positive.");
    }
    board.setPreferred(token.tenantId(), userId, state, expiration);
    return replies.empty(call, 200);
  }

  private HttpReply clearPreferred(HttpCall call) {
    AccessToken token = callers.require(call, WRITE_ROLES);
    board.clearPreferred(token.tenantId(), knownUser(call, token));
    return replies.empty(call, 200);
  }

  private HttpReply setStatusMessage(HttpCall call) {
    AccessToken token = callers.require(call, WRITE_ROLES);
    String userId = knownUser(call, token);
    StatusMessages.Parsed parsed = StatusMessages.parse(call, requests.object(call), replies);
    board.setStatusMessage(token.tenantId(), userId, parsed.message(), parsed.expiresIn());
    return replies.empty(call, 200);
  }

  private void requireOwnSession(HttpCall call, AccessToken token, String sessionId) {
    if (!sessionId.equalsIgnoreCase(token.appId())) {
      throw replies.badRequest(
          call,
          "sessionId '"
              + sessionId
              + "' must be the id of the calling application ("
              + token.appId()
              + ").");
    }
  }

  private String knownUser(HttpCall call, AccessToken token) {
    String userId = requests.userId(call);
    if (!board.knows(token.tenantId(), userId)) {
      throw new io.tandem.emulator.http.HttpProblem(requests.noSuchUser(call, userId));
    }
    return userId;
  }

  private void throttle(HttpCall call, AccessToken token, String api) {
    PresenceSettings limits = settings.get();
    if (!limits.throttling()) {
      return;
    }
    Duration wait =
        throttle.admit(
            token.tenantId(),
            token.appId(),
            api,
            limits.throttleRequests(),
            limits.throttleWindow());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new io.tandem.emulator.http.HttpProblem(
          replies
              .error(
                  call,
                  429,
                  "TooManyRequests",
                  "Application is over its request limit for "
                      + api
                      + " ("
                      + limits.throttleRequests()
                      + " requests per "
                      + limits.throttleWindow().toSeconds()
                      + " seconds per application per tenant). Retry after "
                      + seconds
                      + " seconds.")
              .withHeader("Retry-After", Long.toString(seconds)));
    }
  }
}
