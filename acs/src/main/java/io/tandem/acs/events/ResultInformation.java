package io.tandem.acs.events;

import tools.jackson.databind.JsonNode;

/**
 * The outcome an event reports: an HTTP-like {@code code}, ACS's {@code subCode} (e.g. 8531 "max
 * tones collected", 10004 "invitation timed out") and a message.
 */
public record ResultInformation(int code, int subCode, String message) {

  /** An event that carries no result information. */
  public static final ResultInformation NONE = new ResultInformation(0, 0, "");

  static ResultInformation from(JsonNode node) {
    if (!node.isObject()) {
      return NONE;
    }
    return new ResultInformation(
        node.path("code").asInt(0),
        node.path("subCode").asInt(0),
        node.path("message").asString(""));
  }

  /** Whether the code is a success (2xx). */
  public boolean succeeded() {
    return code >= 200 && code < 300;
  }

  @Override
  public String toString() {
    return code + "/" + subCode + (message.isEmpty() ? "" : " " + message);
  }
}
