package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.testing.Migrations;
import io.tandem.server.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every supported database must do with the webhook stores ({@link Webhooks}, {@link
 * DeliveryLog}); one subclass per database (H2, PostgreSQL) runs the same tests.
 */
abstract class WebhooksContract {

  static final TenantId ACME = new TenantId("acme");
  static final TenantId GLOBEX = new TenantId("globex");
  static final Instant AT = Instant.parse("2026-03-02T09:15:30.123456Z");

  private final Random random = new Random(7);
  private TestDatabase database;
  private Webhooks webhooks;
  private DeliveryLog deliveries;
  private TenantDirectory tenants;

  /** A new, empty database. */
  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAnEmptyDatabase() {
    database = newDatabase();
    Migrations.migrate(database.dataSource());
    tenants = new TenantDirectory(database.dataSource(), Clock.fixed(AT, ZoneOffset.UTC));
    tenants.save(ACME, "Acme");
    tenants.save(GLOBEX, "Globex");
    webhooks = new Webhooks(database.dataSource());
    deliveries = new DeliveryLog(database.dataSource(), 3);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void create_thenFind_returnsEveryField() {
    Webhook webhook = webhook(ACME, 42);

    webhooks.create(webhook);

    assertThat(webhooks.find(webhook.id())).isEqualTo(webhook);
    assertThat(webhooks.find(ACME, webhook.id())).isEqualTo(webhook);
  }

  @Test
  void find_ofAnotherTenantsWebhook_isNull() {
    Webhook webhook = webhook(ACME, 0);
    webhooks.create(webhook);

    assertThat(webhooks.find(GLOBEX, webhook.id())).isNull();
    assertThat(webhooks.find(WebhookId.random(random))).isNull();
  }

  @Test
  void of_listsOnlyTheTenantsWebhooks_andAllListsEvery() {
    Webhook first = webhook(ACME, 0);
    Webhook second = webhook(ACME, 0);
    Webhook other = webhook(GLOBEX, 0);
    List.of(first, second, other).forEach(webhooks::create);

    assertThat(webhooks.of(ACME)).containsExactlyInAnyOrder(first, second);
    assertThat(webhooks.all()).containsExactlyInAnyOrder(first, second, other);
  }

  @Test
  void update_changesTheSettings_butNotTheCursor() {
    Webhook webhook = webhook(ACME, 5);
    webhooks.create(webhook);
    webhooks.advance(webhook.id(), 5, 9);

    Webhook paused =
        webhook.reconfigured(
            WebhookUrl.parse("https://example.com/other"),
            WebhookSecret.generate(random),
            new EventTypeFilter(List.of("agent.*")),
            WebhookStatus.PAUSED);

    assertThat(webhooks.update(paused)).isTrue();
    Webhook stored = webhooks.find(webhook.id());
    assertThat(stored.url()).isEqualTo(paused.url());
    assertThat(stored.secret()).isEqualTo(paused.secret());
    assertThat(stored.filter()).isEqualTo(paused.filter());
    assertThat(stored.status()).isEqualTo(WebhookStatus.PAUSED);
    assertThat(stored.lastSeq()).isEqualTo(9);
  }

  @Test
  void advance_movesTheCursorOnlyFromWhereItIs() {
    Webhook webhook = webhook(ACME, 5);
    webhooks.create(webhook);

    assertThat(webhooks.advance(webhook.id(), 5, 7)).isTrue();
    assertThat(webhooks.advance(webhook.id(), 5, 8)).isFalse();
    assertThat(webhooks.find(webhook.id()).lastSeq()).isEqualTo(7);
  }

  @Test
  void rewind_setsTheCursor_ofTheTenantsWebhookOnly() {
    Webhook webhook = webhook(ACME, 5);
    webhooks.create(webhook);

    assertThat(webhooks.rewind(GLOBEX, webhook.id(), 0)).isFalse();
    assertThat(webhooks.rewind(ACME, webhook.id(), 2)).isTrue();
    assertThat(webhooks.find(webhook.id()).lastSeq()).isEqualTo(2);
  }

  @Test
  void fail_marksAnActiveWebhookFailed_withItsReason_butNotAPausedOne() {
    Webhook active = webhook(ACME, 0);
    Webhook paused =
        webhook(ACME, 0)
            .reconfigured(
                WebhookUrl.parse("https://example.com/hook"),
                WebhookSecret.generate(random),
                EventTypeFilter.ALL,
                WebhookStatus.PAUSED);
    webhooks.create(active);
    webhooks.create(paused);

    assertThat(webhooks.fail(active.id(), "x".repeat(600))).isTrue();
    assertThat(webhooks.fail(paused.id(), "gone")).isFalse();

    Webhook failed = webhooks.find(active.id());
    assertThat(failed.status()).isEqualTo(WebhookStatus.FAILED);
    assertThat(failed.failureReason()).hasSize(Webhooks.MAX_REASON_LENGTH);
    assertThat(webhooks.find(paused.id()).status()).isEqualTo(WebhookStatus.PAUSED);
  }

  @Test
  void delete_removesTheWebhookAndItsDeliveries_ofTheTenantOnly() {
    Webhook webhook = webhook(ACME, 0);
    webhooks.create(webhook);
    deliveries.record(attempt(webhook.id(), 1, DeliveryOutcome.DELIVERED));

    assertThat(webhooks.delete(GLOBEX, webhook.id())).isFalse();
    assertThat(webhooks.delete(ACME, webhook.id())).isTrue();

    assertThat(webhooks.find(webhook.id())).isNull();
    assertThat(deliveries.recent(webhook.id(), 10)).isEmpty();
  }

  @Test
  void deletingTheTenant_deletesItsWebhooks() {
    Webhook webhook = webhook(ACME, 0);
    webhooks.create(webhook);
    deliveries.record(attempt(webhook.id(), 1, DeliveryOutcome.DELIVERED));

    tenants.delete(ACME);

    assertThat(webhooks.of(ACME)).isEmpty();
    assertThat(deliveries.recent(webhook.id(), 10)).isEmpty();
  }

  @Test
  void deliveryLog_keepsTheNewestAttemptsPerWebhook_newestFirst() {
    Webhook webhook = webhook(ACME, 0);
    Webhook other = webhook(ACME, 0);
    webhooks.create(webhook);
    webhooks.create(other);
    deliveries.record(attempt(other.id(), 1, DeliveryOutcome.DELIVERED));

    for (int seq = 1; seq <= 5; seq++) {
      deliveries.record(attempt(webhook.id(), seq, DeliveryOutcome.RETRYING));
    }

    assertThat(deliveries.recent(webhook.id(), 10))
        .extracting(DeliveryAttempt::seq)
        .containsExactly(5L, 4L, 3L);
    assertThat(deliveries.recent(webhook.id(), 2)).hasSize(2);
    assertThat(deliveries.recent(other.id(), 10)).hasSize(1);
  }

  @Test
  void deliveryLog_storesEveryField_errorsCut() {
    Webhook webhook = webhook(ACME, 0);
    webhooks.create(webhook);
    DeliveryAttempt answered =
        new DeliveryAttempt(
            webhook.id(),
            4,
            "agent.LoggedIn",
            2,
            AT,
            503,
            null,
            Duration.ofMillis(17),
            DeliveryOutcome.RETRYING);
    DeliveryAttempt unanswered =
        new DeliveryAttempt(
            webhook.id(),
            4,
            "agent.LoggedIn",
            3,
            AT.plusSeconds(1),
            null,
            "e".repeat(700),
            Duration.ofMillis(5000),
            DeliveryOutcome.GAVE_UP);

    deliveries.record(answered);
    deliveries.record(unanswered);

    List<DeliveryAttempt> recent = deliveries.recent(webhook.id(), 10);
    assertThat(recent.get(1)).isEqualTo(answered);
    assertThat(recent.get(0).statusCode()).isNull();
    assertThat(recent.get(0).error()).hasSize(DeliveryLog.MAX_ERROR_LENGTH);
    assertThat(recent.get(0).outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
  }

  @Test
  void webhooks_surviveARestartOfTheDatabase() {
    Webhook webhook = webhook(ACME, 3);
    webhooks.create(webhook);
    webhooks.advance(webhook.id(), 3, 4);

    database.restart();

    assertThat(new Webhooks(database.dataSource()).find(webhook.id()).lastSeq()).isEqualTo(4);
  }

  private Webhook webhook(TenantId tenant, long lastSeq) {
    return new Webhook(
        WebhookId.random(random),
        tenant,
        WebhookUrl.parse("https://example.com/hooks?x=1"),
        WebhookSecret.generate(random),
        new EventTypeFilter(List.of("interaction.*", "agent.LoggedIn")),
        WebhookStatus.ACTIVE,
        null,
        lastSeq,
        "alice",
        AT);
  }

  private static DeliveryAttempt attempt(WebhookId webhook, long seq, DeliveryOutcome outcome) {
    return new DeliveryAttempt(
        webhook, seq, "agent.LoggedIn", 1, AT, 200, null, Duration.ofMillis(3), outcome);
  }
}
