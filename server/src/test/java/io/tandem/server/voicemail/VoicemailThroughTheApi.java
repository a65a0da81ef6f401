package io.tandem.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.server.testing.DemoServer;
import io.tandem.server.testing.Http;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * What a supervisor does with a message a caller of the demo tenant left in mailbox {@code sales}:
 * lists it (new), plays it (WAV of the listed length), marks it heard, deletes it; another tenant
 * cannot see it. Shared by the channels' whole-server voicemail tests.
 */
public final class VoicemailThroughTheApi {

  private static final String VOICEMAIL = "/api/v1/tenants/demo/voicemail";

  private VoicemailThroughTheApi() {}

  /**
   * Checks the message {@code left} names, from {@code caller}, lasting {@code minMillis} to {@code
   * maxMillis}, through the API; the interaction ended {@code voicemail}.
   */
  public static void listedPlayedHeardAndDeleted(
      DemoServer server,
      InteractionEvent.VoicemailLeft left,
      String caller,
      long minMillis,
      long maxMillis)
      throws Exception {
    assertThat(server.first(InteractionEvent.Ended.class).reason()).isEqualTo("voicemail");
    Http api = server.api("supervisor");

    JsonNode listed = api.get(VOICEMAIL + "?mailbox=sales&state=new").json();
    assertThat(listed.get("total").asLong()).isEqualTo(1);
    JsonNode message = listed.get("messages").get(0);
    assertThat(message.get("id").asString()).isEqualTo(left.message());
    assertThat(message.get("callerNumber").asString()).isEqualTo(caller);
    assertThat(message.get("interaction").asString()).isEqualTo(left.interaction().value());
    assertThat(message.get("durationMillis").asLong()).isBetween(minMillis, maxMillis);

    HttpResponse<byte[]> wav = server.fetch(message.get("audio").asString());
    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(VoicemailAudio.ofWav(wav.body()).duration().toMillis())
        .isEqualTo(message.get("durationMillis").asLong());

    String path = VOICEMAIL + "/" + left.message();
    assertThat(api.post(path + "/heard", "").json().get("state").asString()).isEqualTo("heard");
    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(api.get(VOICEMAIL + "?mailbox=sales").json().get("total").asLong()).isZero();
    assertThat(api.get("/api/v1/tenants/other/voicemail/" + left.message()).status())
        .isEqualTo(404);
  }

  /** Makes the demo tenant's flow {@code leave-a-message}: straight to mailbox {@code sales}. */
  public static void leaveAMessageFlow(DemoServer server) {
    Http.Answer flow =
        Http.to(server.base())
            .put(
                "/api/v1/tenants/demo/flows/leave-a-message",
                """
                {"name": "Leave a message", "start": "box",
                 "nodes": {"box": {"kind": "Voicemail", "mailbox": "sales"}}}
                """);
    assertThat(flow.status()).as(flow.body()).isIn(200, 201);
  }
}
