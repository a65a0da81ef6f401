package io.tandem.emulator.control;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.PstnNetwork;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.World;
import io.tandem.emulator.world.WorldSpec;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's own REST API under {@code /emulator}, for tests and the demo: read the world and
 * the journal, change how a Teams user's client behaves, place PSTN calls. Errors are RFC 9457
 * problem documents.
 */
public final class ControlRoutes {

  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final int MAX_JOURNAL_PAGE = 10_000;

  private final World world;
  private final Journal journal;
  private final PstnNetwork pstn;

  public ControlRoutes(World world, Journal journal, PstnNetwork pstn) {
    this.world = world;
    this.journal = journal;
    this.pstn = pstn;
  }

  public void register(HttpRoutes routes) {
    routes
        .add(Channel.CONTROL, "GET", "/emulator/health", call -> HttpReply.json(200, health()))
        .add(Channel.CONTROL, "GET", "/emulator/world", call -> HttpReply.json(200, worldSpec()))
        .add(Channel.CONTROL, "PUT", "/emulator/users/{userId}/client", this::changeClient)
        .add(Channel.CONTROL, "GET", "/emulator/journal", this::readJournal)
        .add(Channel.CONTROL, "POST", "/emulator/pstn/calls", this::dial);
  }

  private ObjectNode health() {
    ObjectNode health = Json.object().put("status", "up");
    var terminators = health.putArray("pstnTerminators");
    pstn.terminatorNames().forEach(terminators::add);
    return health;
  }

  private WorldSpec worldSpec() {
    return new WorldSpec(
        world.tenants().stream().toList(),
        world.acsResources().stream().toList(),
        world.carrierTrunks());
  }

  private HttpReply changeClient(HttpCall call) {
    ClientBehaviour behaviour = read(call, ClientBehaviour.class);
    String userId = call.variable("userId");
    if (world.user(userId).isEmpty()) {
      throw problem(404, "No such user", "no Teams user with id " + userId);
    }
    return HttpReply.json(200, world.changeClient(userId, behaviour));
  }

  private HttpReply readJournal(HttpCall call) {
    Map<String, String> query = call.query();
    long after = longParameter(query, "after", 0);
    int limit = (int) Math.min(MAX_JOURNAL_PAGE, longParameter(query, "limit", 1000));
    Predicate<JournalEntry> filter = entry -> true;
    if (query.containsKey("channel")) {
      Channel channel = channel(query.get("channel"));
      filter = filter.and(entry -> entry.channel() == channel);
    }
    if (query.containsKey("callId")) {
      String callId = query.get("callId");
      filter = filter.and(entry -> callId.equals(entry.callId()));
    }
    if (query.containsKey("kind")) {
      String kind = query.get("kind");
      filter = filter.and(entry -> entry.kind().startsWith(kind));
    }
    ObjectNode page = Json.object();
    page.put("last", journal.lastSequence());
    page.set("entries", Json.MAPPER.valueToTree(journal.after(after, filter, limit)));
    return HttpReply.json(200, page);
  }

  private HttpReply dial(HttpCall call) {
    CallerScript script = read(call, CallerScript.class);
    PstnTerminator terminator =
        pstn.terminatorFor(script.to())
            .orElseThrow(
                () -> problem(404, "Number not reachable", "nothing serves " + script.to()));
    String callId =
        terminator
            .dial(script)
            .orElseThrow(
                () ->
                    problem(
                        409,
                        "Call not placed",
                        terminator.name() + " could not place the call; see the journal"));
    ObjectNode placed = Json.object().put("callId", callId).put("terminator", terminator.name());
    HttpReply reply = HttpReply.json(201, placed);
    return terminator
        .statusPath(callId)
        .map(path -> reply.withHeader("Location", path))
        .orElse(reply);
  }

  private static Channel channel(String name) {
    try {
      return Channel.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw problem(
          400,
          "Bad channel",
          "channel must be one of " + java.util.Arrays.toString(Channel.values()));
    }
  }

  private static long longParameter(Map<String, String> query, String name, long fallback) {
    String value = query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException notANumber) {
      throw problem(400, "Bad parameter", name + " must be a non-negative integer");
    }
  }

  private static <T> T read(HttpCall call, Class<T> type) {
    try {
      return STRICT.readValue(call.body(), type);
    } catch (JacksonException invalid) {
      Throwable cause = invalid.getCause();
      String detail =
          cause instanceof IllegalArgumentException
              ? cause.getMessage()
              : invalid.getOriginalMessage();
      throw problem(400, "Invalid request body", detail);
    }
  }

  static HttpProblem problem(int status, String title, String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return new HttpProblem(
        new HttpReply(
            status, Map.of("Content-Type", "application/problem+json"), Json.bytes(body)));
  }
}
