package io.tandem.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.IllegalVoicemailTransition;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.core.voicemail.VoicemailMessage;
import io.tandem.core.voicemail.VoicemailMessageId;
import io.tandem.core.voicemail.VoicemailPage;
import io.tandem.core.voicemail.VoicemailState;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.testing.Migrations;
import io.tandem.server.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every supported database must do with {@link Voicemails}; one subclass per database (H2,
 * PostgreSQL) runs the same tests.
 */
abstract class VoicemailsContract {

  static final TenantId ACME = new TenantId("acme");
  static final TenantId GLOBEX = new TenantId("globex");
  static final Instant AT = Instant.parse("2026-03-02T09:15:30.123456Z");

  private final Random random = new Random(11);
  private TestDatabase database;
  private Voicemails voicemails;
  private TenantDirectory tenants;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAnEmptyDatabase() {
    database = newDatabase();
    Migrations.migrate(database.dataSource());
    tenants = new TenantDirectory(database.dataSource(), Clock.fixed(AT, ZoneOffset.UTC));
    tenants.save(ACME, "Acme");
    tenants.save(GLOBEX, "Globex");
    voicemails = new Voicemails(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  private VoicemailMessage saved(TenantId tenant, String mailbox, int minute, Duration length) {
    byte[] wav = TestWavs.of(length);
    VoicemailMessage message =
        VoicemailMessage.recorded(
            VoicemailMessageId.random(random),
            tenant,
            mailbox,
            new InteractionId("call-" + minute),
            "+4930111",
            AT.plusSeconds(60L * minute),
            VoicemailAudio.ofWav(wav));
    voicemails.save(message, wav);
    return message;
  }

  @Test
  void save_thenFind_returnsEveryField_andTheAudio() {
    VoicemailMessage message = saved(ACME, "sales", 1, Duration.ofMillis(3250));

    assertThat(voicemails.find(ACME, message.id())).contains(message);
    assertThat(message.duration()).isEqualTo(Duration.ofMillis(3250));
    assertThat(voicemails.audio(ACME, message.id()))
        .hasValueSatisfying(wav -> assertThat(wav).isEqualTo(TestWavs.of(Duration.ofMillis(3250))));
  }

  @Test
  void list_newestFirst_filtered_andPaged() {
    VoicemailMessage first = saved(ACME, "sales", 1, Duration.ofSeconds(2));
    VoicemailMessage second = saved(ACME, "billing", 2, Duration.ofSeconds(2));
    VoicemailMessage third = saved(ACME, "sales", 3, Duration.ofSeconds(2));
    saved(GLOBEX, "sales", 4, Duration.ofSeconds(2));

    assertThat(voicemails.list(ACME, null, null, 0, 10).messages())
        .containsExactly(third, second, first);
    assertThat(voicemails.list(ACME, "sales", null, 0, 10).messages())
        .containsExactly(third, first);
    VoicemailPage page = voicemails.list(ACME, null, null, 1, 1);
    assertThat(page.messages()).containsExactly(second);
    assertThat(page.total()).isEqualTo(3);
    assertThat(voicemails.list(ACME, null, VoicemailState.HEARD, 0, 10).total()).isZero();
  }

  @Test
  void heardThenDeleted_movesTheState_andDropsTheAudio() {
    VoicemailMessage message = saved(ACME, "sales", 1, Duration.ofSeconds(2));

    VoicemailMessage heard =
        voicemails.markHeard(ACME, message.id(), AT.plusSeconds(600)).orElseThrow();
    assertThat(heard.state()).isEqualTo(VoicemailState.HEARD);
    assertThat(voicemails.markHeard(ACME, message.id(), AT.plusSeconds(900))).contains(heard);
    assertThat(voicemails.find(ACME, message.id())).contains(heard);
    assertThat(voicemails.list(ACME, null, VoicemailState.HEARD, 0, 10).messages())
        .containsExactly(heard);

    VoicemailMessage deleted =
        voicemails.delete(ACME, message.id(), AT.plusSeconds(999)).orElseThrow();
    assertThat(deleted.state()).isEqualTo(VoicemailState.DELETED);
    assertThat(voicemails.find(ACME, message.id())).contains(deleted);
    assertThat(voicemails.audio(ACME, message.id())).isEmpty();
    assertThat(voicemails.list(ACME, null, null, 0, 10).total()).isZero();
    assertThat(voicemails.list(ACME, null, VoicemailState.DELETED, 0, 10).messages())
        .containsExactly(deleted);
    assertThatThrownBy(() -> voicemails.delete(ACME, message.id(), AT))
        .isInstanceOf(IllegalVoicemailTransition.class);
    assertThatThrownBy(() -> voicemails.markHeard(ACME, message.id(), AT))
        .isInstanceOf(IllegalVoicemailTransition.class);
  }

  @Test
  void anotherTenantsMessage_isAsAbsentAsAnUnknownOne() {
    VoicemailMessage message = saved(ACME, "sales", 1, Duration.ofSeconds(2));

    assertThat(voicemails.find(GLOBEX, message.id())).isEmpty();
    assertThat(voicemails.audio(GLOBEX, message.id())).isEmpty();
    assertThat(voicemails.markHeard(GLOBEX, message.id(), AT)).isEmpty();
    assertThat(voicemails.delete(GLOBEX, message.id(), AT)).isEmpty();
    assertThat(voicemails.find(ACME, VoicemailMessageId.random(random))).isEmpty();
    assertThat(voicemails.find(ACME, message.id()).orElseThrow().state())
        .isEqualTo(VoicemailState.NEW);
  }

  @Test
  void aTwoMinuteMessage_fitsWhole() {
    VoicemailMessage message = saved(ACME, "sales", 1, Duration.ofSeconds(120));

    assertThat(voicemails.audio(ACME, message.id()).orElseThrow()).hasSize(44 + 120 * 16_000);
  }

  @Test
  void deletingTheTenant_deletesItsMessages() {
    VoicemailMessage message = saved(GLOBEX, "sales", 1, Duration.ofSeconds(2));

    tenants.delete(GLOBEX);

    assertThat(voicemails.find(GLOBEX, message.id())).isEmpty();
  }
}
