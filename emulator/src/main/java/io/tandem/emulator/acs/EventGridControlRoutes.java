package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.world.AcsResource;
import io.tandem.emulator.world.World;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control API's Event Grid subscriptions: {@code PUT /emulator/acs/resources/{id}/eventGrid
 * {"endpoint": url}} validates the endpoint with the SubscriptionValidationEvent handshake and
 * subscribes it to the resource's IncomingCall events; {@code DELETE} unsubscribes. Errors are RFC
 * 9457 problem documents, as elsewhere in the control API.
 */
final class EventGridControlRoutes {

  private final World world;
  private final EventGrid eventGrid;

  EventGridControlRoutes(World world, EventGrid eventGrid) {
    this.world = world;
    this.eventGrid = eventGrid;
  }

  void register(HttpRoutes routes) {
    String path = "/emulator/acs/resources/{resourceId}/eventGrid";
    routes.add(Channel.CONTROL, "PUT", path, this::subscribe);
    routes.add(Channel.CONTROL, "GET", path, this::read);
    routes.add(Channel.CONTROL, "DELETE", path, this::unsubscribe);
  }

  private HttpReply subscribe(HttpCall call) {
    AcsResource resource = resource(call);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(call.body());
    } catch (RuntimeException malformed) {
      throw problem(400, "Invalid request body", "the body must be {\"endpoint\": \"https://…\"}");
    }
    String endpoint = body == null ? "" : body.path("endpoint").asString("");
    URI uri;
    try {
      uri = URI.create(endpoint);
      if (uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
    } catch (RuntimeException invalid) {
      throw problem(
          400, "Invalid endpoint", "endpoint must be an absolute http(s) URL, was: " + endpoint);
    }
    Optional<String> failure = eventGrid.subscribe(resource, uri);
    if (failure.isPresent()) {
      throw problem(400, "Subscription validation failed", failure.get());
    }
    return HttpReply.json(200, describe(resource));
  }

  private HttpReply read(HttpCall call) {
    return HttpReply.json(200, describe(resource(call)));
  }

  private HttpReply unsubscribe(HttpCall call) {
    eventGrid.unsubscribe(resource(call));
    return HttpReply.empty(204);
  }

  private ObjectNode describe(AcsResource resource) {
    ObjectNode json = Json.object().put("resourceId", resource.id());
    eventGrid
        .endpoint(resource)
        .ifPresentOrElse(
            endpoint ->
                json.put("endpoint", endpoint.toString()).put("provisioningState", "Succeeded"),
            () -> json.putNull("endpoint"));
    return json;
  }

  private AcsResource resource(HttpCall call) {
    String id = call.variable("resourceId");
    return world
        .acsResource(id)
        .orElseThrow(() -> problem(404, "No such ACS resource", "no ACS resource with id " + id));
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
