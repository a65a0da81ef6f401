package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.presence.Availability;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Graph's presence JSON read into {@link TeamsPresence}, whole and in pieces. */
class PresenceJsonTest {

  @Test
  void getPresence_docsExample_readsAvailabilityAndActivity() {
    TeamsPresence presence = PresenceJson.presence(Fixtures.json("get-presence-response.json"));

    assertThat(presence)
        .isEqualTo(new TeamsPresence(Availability.DO_NOT_DISTURB, Activity.PRESENTING));
    assertThat(presence).hasToString("DoNotDisturb/Presenting");
  }

  @Test
  void getPresencesByUserId_docsExample_readsEveryUserById() {
    Map<String, TeamsPresence> presences =
        PresenceJson.collection(Fixtures.json("get-presences-by-user-id-response.json"));

    assertThat(presences)
        .containsExactly(
            Map.entry(
                "fa8bf3dc-eca7-46b7-bad1-db199b62afc3",
                new TeamsPresence(Availability.BUSY, Activity.IN_A_MEETING)),
            Map.entry(
                "66825e03-7ef5-42da-9069-724602c31f6b",
                new TeamsPresence(Availability.AWAY, Activity.AWAY)));
  }

  @Test
  void unknownMissingOrMistypedValues_becomePresenceUnknown_itemsWithoutIdAreSkipped() {
    Map<String, TeamsPresence> presences =
        PresenceJson.collection(Fixtures.json("presence-with-unknown-values.json"));

    assertThat(presences).hasSize(4);
    assertThat(presences.get("11111111-1111-4111-8111-111111111111"))
        .isEqualTo(new TeamsPresence(Availability.PRESENCE_UNKNOWN, Activity.INACTIVE));
    assertThat(presences.get("22222222-2222-4222-8222-222222222222"))
        .isEqualTo(new TeamsPresence(Availability.BUSY, Activity.PRESENCE_UNKNOWN));
    assertThat(presences.get("33333333-3333-4333-8333-333333333333"))
        .isEqualTo(TeamsPresence.UNKNOWN);
    assertThat(presences.get("44444444-4444-4444-8444-444444444444"))
        .isEqualTo(TeamsPresence.UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(Activity.class)
  void everyActivity_roundTripsThroughGraphsSpelling(Activity activity) {
    assertThat(Activity.fromGraph(activity.graphName())).isEqualTo(activity);
  }

  @Test
  void activities_areExactlyTheContractsList() {
    assertThat(java.util.Arrays.stream(Activity.values()).map(Activity::graphName))
        .containsExactly(
            "Available",
            "Away",
            "BeRightBack",
            "Busy",
            "DoNotDisturb",
            "InACall",
            "InAConferenceCall",
            "Inactive",
            "InAMeeting",
            "Offline",
            "OffWork",
            "OutOfOffice",
            "PresenceUnknown",
            "Presenting",
            "UrgentInterruptionsOnly");
  }

  @Test
  void availabilities_areExactlyTheContractsList() {
    assertThat(java.util.Arrays.stream(Availability.values()).map(Availability::graphName))
        .containsExactly(
            "Available",
            "AvailableIdle",
            "Away",
            "BeRightBack",
            "Busy",
            "BusyIdle",
            "DoNotDisturb",
            "Offline",
            "PresenceUnknown");
  }
}
