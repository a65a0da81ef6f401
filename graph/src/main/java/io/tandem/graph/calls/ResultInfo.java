package io.tandem.graph.calls;

import tools.jackson.databind.JsonNode;

/** Graph's {@code resultInfo}: code, subcode and message, e.g. 0/7015 GracefulTransferCompleted. */
public record ResultInfo(int code, int subcode, String message) {

  static ResultInfo from(JsonNode node) {
    return new ResultInfo(
        node.path("code").asInt(0),
        node.path("subcode").asInt(node.path("subCode").asInt(0)),
        node.path("message").asString(""));
  }
}
