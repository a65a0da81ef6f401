package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom calling context: SIP headers (the UUI and up to {@value #MAX_SIP_X_HEADERS} {@code
 * X-MS-Custom-} headers) and VoIP headers, as {@code customCallingContext} of transfer and add
 * participant sends them and {@code customContext} of IncomingCall carries them. Limits as
 * Microsoft documents them ("How to pass contextual data between calls"): SIP header names up to 64
 * characters with the mandatory {@code X-MS-Custom-} prefix, values up to 256; at most 1000 VoIP
 * headers, names up to 64 characters, values up to 1024. The UUI is accepted as {@code
 * User-To-User} (what the SDKs send) or {@code userToUser} (how IncomingCall names it) and always
 * carried as {@code userToUser}.
 */
record CustomContext(Map<String, String> sipHeaders, Map<String, String> voipHeaders) {

  static final CustomContext NONE = new CustomContext(Map.of(), Map.of());
  static final String UUI = "userToUser";
  static final String SIP_PREFIX = "X-MS-Custom-";
  static final int MAX_SIP_X_HEADERS = 5;
  static final int MAX_VOIP_HEADERS = 1000;
  static final int MAX_NAME = 64;

  CustomContext {
    sipHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sipHeaders));
    voipHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(voipHeaders));
  }

  /**
   * The context in {@code body}'s field {@code field}, or {@link #NONE}; 400 when it breaks a rule.
   */
  static CustomContext parse(RequestBody body, String field) {
    RequestBody context = body.optionalObject(field);
    return context == null ? NONE : parse(context);
  }

  /** {@code {"sipHeaders":{…},"voipHeaders":{…}}}; 400 when it breaks a rule. */
  static CustomContext parse(RequestBody context) {
    Map<String, String> sip = new LinkedHashMap<>();
    int custom = 0;
    for (Map.Entry<String, String> header : headers(context, "sipHeaders").entrySet()) {
      String name = header.getKey();
      String path = context.path("sipHeaders") + "." + name;
      if (name.equalsIgnoreCase("User-To-User") || name.equalsIgnoreCase(UUI)) {
        limit(path, header.getValue(), 256);
        sip.put(UUI, header.getValue());
        continue;
      }
      if (!name.regionMatches(true, 0, SIP_PREFIX, 0, SIP_PREFIX.length())
          || name.length() == SIP_PREFIX.length()) {
        throw AcsErrors.badRequest(
            path,
            "The SIP header "
                + name
                + " must be User-To-User or start with the mandatory prefix "
                + SIP_PREFIX
                + ".");
      }
      if (++custom > MAX_SIP_X_HEADERS) {
        throw AcsErrors.badRequest(
            context.path("sipHeaders"),
            "At most " + MAX_SIP_X_HEADERS + " custom SIP headers are allowed.");
      }
      limit(path, name, MAX_NAME);
      limit(path, header.getValue(), 256);
      sip.put(name, header.getValue());
    }
    Map<String, String> voip = headers(context, "voipHeaders");
    if (voip.size() > MAX_VOIP_HEADERS) {
      throw AcsErrors.badRequest(
          context.path("voipHeaders"),
          "At most " + MAX_VOIP_HEADERS + " VoIP headers are allowed.");
    }
    voip.forEach(
        (name, value) -> {
          String path = context.path("voipHeaders") + "." + name;
          limit(path, name, MAX_NAME);
          limit(path, value, 1024);
        });
    return new CustomContext(sip, voip);
  }

  boolean isEmpty() {
    return sipHeaders.isEmpty() && voipHeaders.isEmpty();
  }

  /** IncomingCall's {@code customContext}: both maps, empty ones included. */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    ObjectNode sip = json.putObject("sipHeaders");
    sipHeaders.forEach(sip::put);
    ObjectNode voip = json.putObject("voipHeaders");
    voipHeaders.forEach(voip::put);
    return json;
  }

  /** Journal attributes naming the headers and their values. */
  Map<String, String> journalAttributes() {
    if (isEmpty()) {
      return Map.of();
    }
    return Map.of("customContext", Json.text(toJson()));
  }

  private static Map<String, String> headers(RequestBody context, String field) {
    RequestBody object = context.optionalObject(field);
    Map<String, String> headers = new LinkedHashMap<>();
    if (object == null) {
      return headers;
    }
    for (Map.Entry<String, JsonNode> entry : object.node().properties()) {
      if (!entry.getValue().isString()) {
        throw AcsErrors.badRequest(
            object.path(entry.getKey()),
            "The header " + entry.getKey() + " must have a string value.");
      }
      headers.put(entry.getKey(), entry.getValue().asString());
    }
    return headers;
  }

  private static void limit(String path, String text, int max) {
    if (text.length() > max) {
      throw AcsErrors.badRequest(
          path,
          "The "
              + path
              + " is "
              + text.length()
              + " characters long; at most "
              + max
              + " are allowed.");
    }
    if (text.contains("\r") || text.contains("\n")) {
      throw AcsErrors.badRequest(path, "The " + path + " must not hold line breaks.");
    }
  }
}
