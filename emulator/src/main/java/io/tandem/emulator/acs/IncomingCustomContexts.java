package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The custom SIP headers and UUI that an SBC would put on the next PSTN call to a number, scripted
 * through the control API because a {@code CallerScript} has no SIP headers: {@code PUT
 * /emulator/acs/numbers/{e164}/customContext {"sipHeaders":{…},"voipHeaders":{…}}} (the limits of
 * {@link CustomContext}), {@code GET} shows what waits, {@code DELETE} drops it. The next
 * IncomingCall to that number carries it in {@code customContext} and uses it up. Errors are RFC
 * 9457 problem documents, as elsewhere in the control API.
 */
final class IncomingCustomContexts {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final Map<String, CustomContext> pending = new ConcurrentHashMap<>();
  private final Journal journal;

  IncomingCustomContexts(Journal journal) {
    this.journal = journal;
  }

  void register(HttpRoutes routes) {
    String path = "/emulator/acs/numbers/{number}/customContext";
    routes.add(Channel.CONTROL, "PUT", path, this::put);
    routes.add(Channel.CONTROL, "GET", path, this::get);
    routes.add(Channel.CONTROL, "DELETE", path, this::delete);
  }

  /** What the next call to {@code e164} carries, used up; {@link CustomContext#NONE} if nothing. */
  CustomContext take(String e164) {
    CustomContext context = pending.remove(e164);
    return context == null ? CustomContext.NONE : context;
  }

  private HttpReply put(HttpCall call) {
    String number = number(call);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(call.body());
    } catch (RuntimeException malformed) {
      throw problem(400, "Invalid request body", "the body must be a JSON object");
    }
    if (body == null || !body.isObject()) {
      throw problem(400, "Invalid request body", "the body must be a JSON object");
    }
    CustomContext context;
    try {
      context = CustomContext.parse(RequestBody.wrap(body, ""));
    } catch (HttpProblem refused) {
      JsonNode error = Json.parse(refused.reply().text()).path("error");
      throw problem(400, "Invalid custom context", error.path("message").asString());
    }
    pending.put(number, context);
    journal.event(Channel.CONTROL, "acs.customContext.set", null, Map.of("number", number));
    return HttpReply.json(200, describe(number, Optional.of(context)));
  }

  private HttpReply get(HttpCall call) {
    String number = number(call);
    return HttpReply.json(200, describe(number, Optional.ofNullable(pending.get(number))));
  }

  private HttpReply delete(HttpCall call) {
    pending.remove(number(call));
    return HttpReply.empty(204);
  }

  private static ObjectNode describe(String number, Optional<CustomContext> context) {
    ObjectNode json = Json.object().put("number", number);
    context.ifPresentOrElse(
        c -> json.set("customContext", c.toJson()), () -> json.putNull("customContext"));
    return json;
  }

  private static String number(HttpCall call) {
    // a '+' that was not written as %2B arrives form-decoded as a space
    String number = call.variable("number").replace(' ', '+');
    if (!E164.matcher(number).matches()) {
      throw problem(400, "Invalid number", "the number must be +E164, was: " + number);
    }
    return number;
  }

  private static HttpProblem problem(int status, String title, String detail) {
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
