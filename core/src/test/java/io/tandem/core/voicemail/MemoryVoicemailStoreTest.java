package io.tandem.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryVoicemailStoreTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

  private final Random random = new Random(3);
  private final MemoryVoicemailStore store = new MemoryVoicemailStore();

  private VoicemailMessage saved(TenantId tenant, String mailbox, int minute) {
    byte[] wav = Wavs.pcm16(Duration.ofSeconds(2), 8_000);
    VoicemailMessage message =
        VoicemailMessage.recorded(
            VoicemailMessageId.random(random),
            tenant,
            mailbox,
            new InteractionId("i" + minute),
            "+4930111",
            AT.plusSeconds(60L * minute),
            VoicemailAudio.ofWav(wav));
    store.save(message, wav);
    return message;
  }

  @Test
  void list_newestFirst_byMailbox_andInPages() {
    VoicemailMessage first = saved(ACME, "sales", 1);
    VoicemailMessage second = saved(ACME, "billing", 2);
    VoicemailMessage third = saved(ACME, "sales", 3);
    saved(GLOBEX, "sales", 4);

    assertThat(store.list(ACME, null, null, 0, 10).messages())
        .containsExactly(third, second, first);
    assertThat(store.list(ACME, "sales", null, 0, 10).messages()).containsExactly(third, first);
    VoicemailPage page = store.list(ACME, null, null, 1, 1);
    assertThat(page.messages()).containsExactly(second);
    assertThat(page.total()).isEqualTo(3);
  }

  @Test
  void heardThenDeleted_movesState_keepsTheRecord_andDropsTheAudio() {
    VoicemailMessage message = saved(ACME, "sales", 1);

    VoicemailMessage heard = store.markHeard(ACME, message.id(), AT.plusSeconds(600)).orElseThrow();
    assertThat(heard.state()).isEqualTo(VoicemailState.HEARD);
    assertThat(store.markHeard(ACME, message.id(), AT.plusSeconds(900))).contains(heard);
    assertThat(store.list(ACME, null, VoicemailState.NEW, 0, 10).messages()).isEmpty();

    VoicemailMessage deleted = store.delete(ACME, message.id(), AT.plusSeconds(999)).orElseThrow();
    assertThat(deleted.state()).isEqualTo(VoicemailState.DELETED);
    assertThat(deleted.size()).isZero();
    assertThat(store.audio(ACME, message.id())).isEmpty();
    assertThat(store.find(ACME, message.id())).contains(deleted);
    assertThat(store.list(ACME, null, null, 0, 10).messages()).isEmpty();
    assertThat(store.list(ACME, null, VoicemailState.DELETED, 0, 10).messages())
        .containsExactly(deleted);
    assertThatThrownBy(() -> store.delete(ACME, message.id(), AT))
        .isInstanceOf(IllegalVoicemailTransition.class);
    assertThatThrownBy(() -> store.markHeard(ACME, message.id(), AT))
        .isInstanceOf(IllegalVoicemailTransition.class);
  }

  @Test
  void anotherTenantsMessage_isAsAbsentAsAnUnknownOne() {
    VoicemailMessage message = saved(ACME, "sales", 1);

    assertThat(store.find(GLOBEX, message.id())).isEmpty();
    assertThat(store.audio(GLOBEX, message.id())).isEmpty();
    assertThat(store.markHeard(GLOBEX, message.id(), AT)).isEmpty();
    assertThat(store.delete(GLOBEX, message.id(), AT)).isEmpty();
    assertThat(store.find(ACME, message.id()).orElseThrow().state()).isEqualTo(VoicemailState.NEW);
    assertThat(store.audio(ACME, message.id())).isPresent();
  }

  @Test
  void list_rejectsBadPaging() {
    assertThatThrownBy(() -> store.list(ACME, null, null, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(ACME, null, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(ACME, null, null, 0, VoicemailStore.MAX_PAGE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
