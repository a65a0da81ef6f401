package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds {@code tenant_event.interaction_id}: the interaction an event is about (null for agent and
 * queue events), indexed with the tenant, so that one interaction's timeline and the history of
 * interactions are read without scanning the log. Fills it for the events already stored from their
 * payload's {@code interaction} member. Runs unchanged on H2 and PostgreSQL.
 */
public class V4__interaction_index extends BaseJavaMigration {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table tenant_event add column interaction_id varchar(128)");
      ddl.execute(
          "create index tenant_event_interaction on tenant_event (tenant_id, interaction_id)");
    }
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "select tenant_id, seq, payload from tenant_event"
                    + " where type like 'interaction.%'");
        PreparedStatement update =
            connection.prepareStatement(
                "update tenant_event set interaction_id = ? where tenant_id = ? and seq = ?")) {
      int pending = 0;
      while (rows.next()) {
        JsonNode interaction = JSON.readTree(rows.getString(3)).get("interaction");
        if (interaction == null || !interaction.isString()) {
          continue;
        }
        update.setString(1, interaction.asString());
        update.setString(2, rows.getString(1));
        update.setLong(3, rows.getLong(2));
        update.addBatch();
        if (++pending == 500) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
