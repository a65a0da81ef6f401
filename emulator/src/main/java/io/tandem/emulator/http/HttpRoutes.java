package io.tandem.emulator.http;

import io.tandem.emulator.journal.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's HTTP surface: every service registers its routes here, in order; the first route
 * whose method and pattern match a request answers it.
 */
public final class HttpRoutes {

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Registers a route. Register specific patterns before general ones. */
  public HttpRoutes add(Channel channel, String method, String pattern, RouteHandler handler) {
    routes.add(new Route(channel, method, pattern, handler));
    return this;
  }

  /** What a path resolved to: the route and its variables, or only whether any method matched. */
  record Resolution(@Nullable Route route, Map<String, String> variables, boolean pathKnown) {}

  Resolution resolve(String method, String path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> variables = route.match(path);
      if (variables == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Resolution(route, variables, true);
      }
      pathKnown = true;
    }
    return new Resolution(null, Map.of(), pathKnown);
  }

  /** The channel a path belongs to, for journaling requests no route answered. */
  Channel channelOf(String path) {
    for (Route route : routes) {
      if (route.match(path) != null) {
        return route.channel();
      }
    }
    return Channel.CONTROL;
  }
}
