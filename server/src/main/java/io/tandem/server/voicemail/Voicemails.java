package io.tandem.server.voicemail;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailMessage;
import io.tandem.core.voicemail.VoicemailMessageId;
import io.tandem.core.voicemail.VoicemailPage;
import io.tandem.core.voicemail.VoicemailState;
import io.tandem.core.voicemail.VoicemailStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every tenant's voicemail messages and their audio, in the {@code voicemail_message} table ({@code
 * V7__voicemail.sql}); the same SQL runs on H2 and PostgreSQL. A state change is a conditional
 * update (the state it was read in), so two changes racing cannot both win; the loser sees the
 * state the winner left.
 *
 * <p>Threading: thread-safe; blocking.
 */
public final class Voicemails implements VoicemailStore {

  private static final String COLUMNS =
      "id, tenant_id, mailbox, interaction, caller, recorded_at, duration_ms, format, size_bytes,"
          + " state, changed_at";

  private final JdbcClient jdbc;

  public Voicemails(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void save(VoicemailMessage message, byte[] audio) {
    jdbc.sql(
            "insert into voicemail_message ("
                + COLUMNS
                + ", audio) values (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            message.id().value(),
            message.tenant().value(),
            message.mailbox(),
            message.interaction().value(),
            message.callerNumber(),
            utc(message.recordedAt()),
            message.duration().toMillis(),
            message.format(),
            message.size(),
            message.state().name(),
            utc(message.changedAt()),
            audio)
        .update();
  }

  @Override
  public VoicemailPage list(
      TenantId tenant,
      @Nullable String mailbox,
      @Nullable VoicemailState state,
      int offset,
      int limit) {
    VoicemailStore.requirePage(offset, limit);
    StringBuilder where = new StringBuilder(" where tenant_id = ?");
    List<Object> params = new ArrayList<>(List.of(tenant.value()));
    if (mailbox != null) {
      where.append(" and mailbox = ?");
      params.add(mailbox);
    }
    if (state != null) {
      where.append(" and state = ?");
      params.add(state.name());
    } else {
      where.append(" and state <> 'DELETED'");
    }
    long total =
        jdbc.sql("select count(*) from voicemail_message" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(limit);
    paged.add(offset);
    List<VoicemailMessage> messages =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from voicemail_message"
                    + where
                    + " order by recorded_at desc, id desc limit ? offset ?")
            .params(paged)
            .query(Voicemails::row)
            .list();
    return new VoicemailPage(messages, offset, limit, total);
  }

  @Override
  public Optional<VoicemailMessage> find(TenantId tenant, VoicemailMessageId id) {
    return jdbc.sql("select " + COLUMNS + " from voicemail_message where id = ? and tenant_id = ?")
        .params(id.value(), tenant.value())
        .query(Voicemails::row)
        .optional();
  }

  @Override
  public Optional<byte[]> audio(TenantId tenant, VoicemailMessageId id) {
    return jdbc.sql(
            "select audio from voicemail_message where id = ? and tenant_id = ?"
                + " and audio is not null")
        .params(id.value(), tenant.value())
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  @Override
  public Optional<VoicemailMessage> markHeard(TenantId tenant, VoicemailMessageId id, Instant at) {
    return change(tenant, id, message -> message.heard(at), false);
  }

  @Override
  public Optional<VoicemailMessage> delete(TenantId tenant, VoicemailMessageId id, Instant at) {
    return change(tenant, id, message -> message.deleted(at), true);
  }

  private Optional<VoicemailMessage> change(
      TenantId tenant,
      VoicemailMessageId id,
      UnaryOperator<VoicemailMessage> move,
      boolean dropAudio) {
    while (true) {
      Optional<VoicemailMessage> found = find(tenant, id);
      if (found.isEmpty()) {
        return found;
      }
      VoicemailMessage before = found.get();
      VoicemailMessage after = move.apply(before);
      if (after.equals(before)) {
        return found;
      }
      int changed =
          jdbc.sql(
                  "update voicemail_message set state = ?, changed_at = ?, size_bytes = ?"
                      + (dropAudio ? ", audio = null" : "")
                      + " where id = ? and tenant_id = ? and state = ?")
              .params(
                  after.state().name(),
                  utc(after.changedAt()),
                  after.size(),
                  id.value(),
                  tenant.value(),
                  before.state().name())
              .update();
      if (changed == 1) {
        return Optional.of(after);
      }
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static VoicemailMessage row(ResultSet rs, int number) throws SQLException {
    return new VoicemailMessage(
        new VoicemailMessageId(rs.getString("id")),
        new TenantId(rs.getString("tenant_id")),
        rs.getString("mailbox"),
        new InteractionId(rs.getString("interaction")),
        rs.getString("caller"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        Duration.ofMillis(rs.getLong("duration_ms")),
        rs.getString("format"),
        rs.getLong("size_bytes"),
        VoicemailState.valueOf(rs.getString("state")),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant());
  }
}
