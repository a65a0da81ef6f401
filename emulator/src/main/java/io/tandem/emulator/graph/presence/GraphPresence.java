package io.tandem.emulator.graph.presence;

import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.graph.GraphAuth;
import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.graph.GraphThrottle;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.World;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Microsoft Graph presence service, wired in one place: the presence board (which
 * follows Teams calls when registered with {@code TeamsClients}), the presence API, change
 * notification subscriptions, throttling, and the control routes.
 */
public final class GraphPresence implements AutoCloseable {

  /**
   * Microsoft Graph Change Tracking, the app that signs validation tokens for rich notifications.
   */
  private static final AppRegistration CHANGE_TRACKING =
      new AppRegistration(
          "0bf30f3b-4a52-48df-9a82-234910c4a086",
          "not-used",
          "Microsoft Graph Change Tracking",
          java.util.List.of(),
          null);

  private final PresenceBoard board;
  private final AtomicReference<PresenceSettings> settings =
      new AtomicReference<>(PresenceSettings.graphDefaults());
  private final GraphExchange exchange;
  private final GraphThrottle throttle;
  private final PresenceRoutes presenceRoutes;
  private final PresenceControlRoutes controlRoutes;
  private final NotificationDelivery delivery;
  private final SubscriptionRoutes subscriptionRoutes;

  public GraphPresence(
      World world,
      Scheduler scheduler,
      Journal journal,
      AccessTokens tokens,
      @Nullable SSLContext tls) {
    GraphAuth auth = new GraphAuth(tokens, world);
    this.exchange = new GraphExchange(scheduler);
    this.board = new PresenceBoard(world, scheduler, journal);
    this.throttle = new GraphThrottle(scheduler);
    this.presenceRoutes = new PresenceRoutes(board, auth, throttle, scheduler, settings::get);
    this.controlRoutes = new PresenceControlRoutes(board, settings, throttle::reset);
    WebhookClient webhooks = new WebhookClient(tls);
    this.delivery =
        new NotificationDelivery(
            webhooks,
            scheduler,
            journal,
            settings::get,
            subscription -> validationToken(world, tokens, subscription));
    Subscriptions subscriptions = new Subscriptions(scheduler, journal, delivery);
    board.addListener(subscriptions);
    this.subscriptionRoutes =
        new SubscriptionRoutes(
            subscriptions,
            new EndpointValidation(webhooks, journal),
            auth,
            scheduler,
            settings::get);
  }

  /**
   * A {@code validationTokens} entry for notifications with resource data: an Entra token for the
   * subscribing app, issued to Graph's change-tracking app.
   */
  private static String validationToken(World world, AccessTokens tokens, Subscription s) {
    EmulatedTenant tenant = world.tenant(s.tenantId).orElseThrow();
    return tokens.issue(tenant, CHANGE_TRACKING, s.appId);
  }

  /**
   * Registers the Graph routes under {@code /v1.0} and the control routes under {@code /emulator}.
   */
  public void register(HttpRoutes routes) {
    presenceRoutes.register(routes, exchange);
    subscriptionRoutes.register(routes, exchange);
    controlRoutes.register(routes);
  }

  /** Every user's presence; register it with {@code TeamsClients} so presence follows calls. */
  public PresenceBoard board() {
    return board;
  }

  public PresenceSettings settings() {
    return settings.get();
  }

  /** Changes the limits and timings (tests lower the throttling limit or turn it off). */
  public void changeSettings(UnaryOperator<PresenceSettings> change) {
    settings.updateAndGet(change);
    throttle.reset();
  }

  @Override
  public void close() {
    delivery.close();
  }
}
