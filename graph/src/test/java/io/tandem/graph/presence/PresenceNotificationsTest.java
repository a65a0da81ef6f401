package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing what Graph posts to the notification and lifecycle URLs, clientState checked. */
class PresenceNotificationsTest {

  private static final String SUBSCRIPTION = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07";

  /** The clientState Tandem gave {@link #SUBSCRIPTION}. */
  private static final ClientStateCheck TANDEMS_SECRET =
      (id, state) -> id.equals(SUBSCRIPTION) && "secretClientState".equals(state);

  @Test
  void basicNotification_docsExample_namesTheChangedUser() throws Exception {
    ReceivedNotifications received =
        PresenceNotifications.parse(
            Fixtures.bytes("presence-notification-basic.json"), TANDEMS_SECRET);

    assertThat(received.changedUserIds()).containsExactly("fa8bf3dc-eca7-46b7-bad1-db199b62afc3");
    assertThat(received.refusals()).isEmpty();
    assertThat(received.anyAccepted()).isTrue();
  }

  @Test
  void otherClientState_isRefused_andNothingChanges() throws Exception {
    ReceivedNotifications received =
        PresenceNotifications.parse(
            Fixtures.bytes("presence-notification-basic.json"),
            (id, state) -> "anotherSecret".equals(state));

    assertThat(received.changedUserIds()).isEmpty();
    assertThat(received.refusals())
        .singleElement()
        .satisfies(refusal -> assertThat(refusal.subscriptionId()).isEqualTo(SUBSCRIPTION));
    assertThat(received.anyAccepted()).isFalse();
  }

  @Test
  void mixedBody_keepsTheGenuineItems_refusesTheForgedOne_readsResourceWithoutResourceData()
      throws Exception {
    ReceivedNotifications received =
        PresenceNotifications.parse(
            Fixtures.bytes("notification-two-subscriptions-one-forged.json"), TANDEMS_SECRET);

    assertThat(received.changedUserIds())
        .containsExactlyInAnyOrder(
            "fa8bf3dc-eca7-46b7-bad1-db199b62afc3", "0d4b1e8c-5a7c-4a56-9f9e-1d2c3b4a5f60");
    assertThat(received.refusals()).hasSize(1);
  }

  @Test
  void lifecycleEvents_areParsedInOrder() throws Exception {
    ReceivedNotifications received =
        PresenceNotifications.parse(
            Fixtures.bytes("lifecycle-missed-then-removed.json"), TANDEMS_SECRET);

    assertThat(received.lifecycleEvents())
        .containsExactly(
            new LifecycleEvent(SUBSCRIPTION, LifecycleEvent.Kind.MISSED),
            new LifecycleEvent(SUBSCRIPTION, LifecycleEvent.Kind.SUBSCRIPTION_REMOVED));
    assertThat(received.changedUserIds()).isEmpty();
  }

  @Test
  void lifecycleEventWithoutClientState_isRefused() throws Exception {
    String body =
        "{\"value\":[{\"subscriptionId\":\""
            + SUBSCRIPTION
            + "\",\"lifecycleEvent\":\"subscriptionRemoved\"}]}";

    ReceivedNotifications received =
        PresenceNotifications.parse(body.getBytes(StandardCharsets.UTF_8), TANDEMS_SECRET);

    assertThat(received.lifecycleEvents()).isEmpty();
    assertThat(received.refusals()).hasSize(1);
  }

  @Test
  void unknownLifecycleEvent_isKeptAsOther() {
    assertThat(LifecycleEvent.Kind.fromGraph("reauthorizationRequired"))
        .isEqualTo(LifecycleEvent.Kind.REAUTHORIZATION_REQUIRED);
    assertThat(LifecycleEvent.Kind.fromGraph("somethingNew")).isEqualTo(LifecycleEvent.Kind.OTHER);
  }

  @Test
  void notJsonOrNoValueArray_isMalformed() {
    assertThatThrownBy(
            () ->
                PresenceNotifications.parse(
                    "hello".getBytes(StandardCharsets.UTF_8), TANDEMS_SECRET))
        .isInstanceOf(MalformedNotificationException.class);
    assertThatThrownBy(
            () ->
                PresenceNotifications.parse(
                    "{\"value\":{}}".getBytes(StandardCharsets.UTF_8), TANDEMS_SECRET))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessageContaining("value");
  }
}
