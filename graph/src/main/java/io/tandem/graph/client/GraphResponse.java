package io.tandem.graph.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A successful Graph reply: status, body (an empty object when there was none) and request id. */
public record GraphResponse(int status, JsonNode body, @Nullable String requestId) {}
