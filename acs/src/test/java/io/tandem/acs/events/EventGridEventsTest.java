package io.tandem.acs.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventGridEventsTest {

  private static EventGridDelivery parse(String json) {
    return EventGridEvents.parse(json.getBytes(UTF_8));
  }

  @Test
  void validationHandshake_givesTheCode() {
    EventGridDelivery delivery =
        parse(
            """
            [{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]""");

    assertThat(delivery)
        .isEqualTo(new EventGridDelivery.Validation("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"));
  }

  @Test
  void incomingCall_inTheTeamsPhoneExtensibilityForm() {
    EventGridDelivery delivery =
        parse(
            """
            [{"id":"e80026e7","topic":"/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/communicationServices/contoso-acs",
              "subject":"/caller/4:+14255550123/recipient/28:orgid:22222222",
              "data":{
                "to":{"kind":"unknown","rawId":"28:orgid:22222222-bbbb-4ccc-8ddd-000000000002"},
                "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
                "serverCallId":"server-1","callerDisplayName":"VOIP Caller",
                "customContext":{"sipHeaders":{"userToUser":"616d;encoding=hex","X-MS-Custom-queue":"7"},
                                 "voipHeaders":{"customHeader":"customValue"}},
                "incomingCallContext":"eyJhbGciOi.context","correlationId":"corr-1"},
              "eventType":"Microsoft.Communication.IncomingCall","dataVersion":"1.0",
              "metadataVersion":"1","eventTime":"2023-04-04T17:18:42.5542219Z"},
             {"id":"other","eventType":"Microsoft.Communication.CallEnded","data":{}}]""");

    assertThat(delivery).isInstanceOf(EventGridDelivery.Events.class);
    EventGridDelivery.Events events = (EventGridDelivery.Events) delivery;
    assertThat(events.skipped()).isEqualTo(1);
    assertThat(events.incomingCalls()).hasSize(1);
    IncomingCall call = events.incomingCalls().getFirst();
    assertThat(call.eventId()).isEqualTo("e80026e7");
    assertThat(call.resourceAccountId()).isEqualTo("22222222-bbbb-4ccc-8ddd-000000000002");
    assertThat(call.callerNumber()).isEqualTo("+14255550123");
    assertThat(call.callerDisplayName()).isEqualTo("VOIP Caller");
    assertThat(call.serverCallId()).isEqualTo("server-1");
    assertThat(call.correlationId()).isEqualTo("corr-1");
    assertThat(call.incomingCallContext()).isEqualTo("eyJhbGciOi.context");
    assertThat(call.sipHeaders())
        .containsEntry("userToUser", "616d;encoding=hex")
        .containsEntry("X-MS-Custom-queue", "7");
    assertThat(call.voipHeaders()).containsEntry("customHeader", "customValue");
  }

  @Test
  void cloudEventsSchema_isReadToo_andAnIdentifierWithoutRawIdFallsBackToItsNumber() {
    EventGridDelivery delivery =
        parse(
            """
            [{"id":"c1","source":"/x","type":"Microsoft.Communication.IncomingCall","specversion":"1.0",
              "data":{"to":{"kind":"phoneNumber","phoneNumber":{"value":"+18005550100"}},
                      "from":{"kind":"phoneNumber","phoneNumber":{"value":"+14255550123"}},
                      "incomingCallContext":"ctx"}}]""");

    IncomingCall call = ((EventGridDelivery.Events) delivery).incomingCalls().getFirst();
    assertThat(call.toRawId()).isEqualTo("4:+18005550100");
    assertThat(call.fromRawId()).isEqualTo("4:+14255550123");
    assertThat(call.resourceAccountId()).isNull();
    assertThat(call.sipHeaders()).isEmpty();
  }

  @Test
  void rejects_nameTheFault() {
    assertThatThrownBy(() -> parse("{\"id\":1}")).hasMessageContaining("array");
    assertThatThrownBy(() -> parse("[{\"id\":")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("[0]");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"id":"x","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{}}]"""))
        .hasMessageContaining("[0].data.validationCode is required");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"id":"x","eventType":"Microsoft.Communication.IncomingCall",
                      "data":{"to":{"rawId":"28:orgid:a"},"from":{"rawId":"4:+1"}}}]"""))
        .hasMessageContaining("[0].data.incomingCallContext is required");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"id":"x","eventType":"Microsoft.Communication.IncomingCall",
                      "data":{"to":{"rawId":"28:orgid:a"},"incomingCallContext":"c"}}]"""))
        .hasMessageContaining("[0].data.from is required");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"eventType":"Microsoft.Communication.IncomingCall",
                      "data":{"to":{"rawId":"a"},"from":{"rawId":"4:+1"},"incomingCallContext":"c"}}]"""))
        .hasMessageContaining("[0].id is required");
  }

  @Test
  void deeplyNestedJson_isRefused() {
    String deep = "[" + "[".repeat(100) + "]".repeat(100) + "]";
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordingFileStatusUpdated_givesTheServerCallAndTheChunksInOrder() throws Exception {
    byte[] body;
    try (var in =
        EventGridEventsTest.class.getResourceAsStream(
            "/eventgrid/recording-file-status-updated.json")) {
      body = in.readAllBytes();
    }

    EventGridDelivery.Events events = (EventGridDelivery.Events) EventGridEvents.parse(body);

    assertThat(events.incomingCalls()).isEmpty();
    RecordingFileReady file = events.recordingFiles().getFirst();
    assertThat(file.eventId()).isEqualTo("7283825e-f8f1-4c61-a9ea-752c56890500");
    assertThat(file.serverCallId()).isEqualTo("aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHk");
    assertThat(file.durationMillis()).isEqualTo(6620);
    assertThat(file.sessionEndReason()).isEqualTo("CallEnded");
    assertThat(file.chunks())
        .extracting(RecordingFileReady.Chunk::documentId)
        .containsExactly(
            "0-eus-d12-801b3f3fc462fe8a01e6810cbff729b8",
            "0-eus-d12-801b3f3fc462fe8a01e6810cbff729b9");
    assertThat(file.chunks().getFirst().contentLocation().getPath())
        .isEqualTo("/v1/objects/0-eus-d12-801b3f3fc462fe8a01e6810cbff729b8/content/audio");
    assertThat(file.chunks().getFirst().deleteLocation()).isNull();
    assertThat(file.chunks().get(1).deleteLocation()).isNotNull();
  }

  @Test
  void recordingFileStatusUpdated_withoutServerCallOrContentLocation_isRejected() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"id":"f1","subject":"/recording/call/c1","data":{},
                      "eventType":"Microsoft.Communication.RecordingFileStatusUpdated"}]"""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverCallId");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    [{"id":"f2","subject":"/recording/call/c1/serverCallId/s1",
                      "data":{"recordingStorageInfo":{"recordingChunks":[
                        {"documentId":"d1","index":0,"contentLocation":"relative/path"}]}},
                      "eventType":"Microsoft.Communication.RecordingFileStatusUpdated"}]"""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recordingChunks[0]");
  }
}
