package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.world.ClientBehaviour;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * External PSTN phones (numbers no Teams user or resource account owns) that Call Automation calls
 * out to (add participant, transfer, create call), scripted with a Teams client's {@link
 * ClientBehaviour}: ring for {@code answerAfter}, then answer, decline (603), be busy (486) or ring
 * until the invitation times out (408); once answered hang up after {@code hangUpAfter}. A number
 * with no script answers after {@link Ringer#EXTERNAL_ANSWER_AFTER} and stays on. Control API:
 * {@code PUT /emulator/acs/phones/{e164}} (body as a world file's {@code client}), {@code GET},
 * {@code DELETE}. Thread-safe.
 */
public final class PstnPhones {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Map<String, ClientBehaviour> scripts = new ConcurrentHashMap<>();
  private final Journal journal;

  PstnPhones(Journal journal) {
    this.journal = journal;
  }

  void register(HttpRoutes routes) {
    String path = "/emulator/acs/phones/{number}";
    routes.add(Channel.CONTROL, "PUT", path, this::put);
    routes.add(Channel.CONTROL, "GET", path, this::get);
    routes.add(Channel.CONTROL, "DELETE", path, this::delete);
  }

  /** Scripts how the phone {@code e164} treats the calls it gets from now on. */
  public void script(String e164, ClientBehaviour behaviour) {
    Objects.requireNonNull(behaviour, "behaviour");
    if (!E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("the number must be +E164, was: " + e164);
    }
    scripts.put(e164, behaviour);
    journal.event(Channel.CONTROL, "acs.phone.scripted", null, Map.of("number", e164));
  }

  /** Removes the script of {@code e164}: it answers after two seconds again. */
  public void forget(String e164) {
    scripts.remove(e164);
  }

  /** How {@code e164} behaves, if scripted. */
  Optional<ClientBehaviour> behaviourOf(String e164) {
    return Optional.ofNullable(scripts.get(e164));
  }

  private HttpReply put(HttpCall call) {
    String number = number(call);
    ClientBehaviour behaviour;
    try {
      behaviour = STRICT.readValue(call.body(), ClientBehaviour.class);
    } catch (JacksonException invalid) {
      Throwable cause = invalid.getCause();
      throw problem(
          400,
          "Invalid request body",
          cause instanceof IllegalArgumentException
              ? cause.getMessage()
              : invalid.getOriginalMessage());
    }
    if (behaviour == null) {
      throw problem(400, "Invalid request body", "the body must be a JSON object");
    }
    script(number, behaviour);
    return HttpReply.json(200, describe(number));
  }

  private HttpReply get(HttpCall call) {
    return HttpReply.json(200, describe(number(call)));
  }

  private HttpReply delete(HttpCall call) {
    forget(number(call));
    return HttpReply.empty(204);
  }

  private ObjectNode describe(String number) {
    ObjectNode json = Json.object().put("number", number);
    ClientBehaviour behaviour = scripts.get(number);
    if (behaviour == null) {
      json.putNull("client");
    } else {
      json.set("client", Json.MAPPER.valueToTree(behaviour));
    }
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
