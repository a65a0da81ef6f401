package io.tandem.acs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw ids and {@code CommunicationIdentifierModel} JSON, both ways (MICROSOFT-CONTRACTS §3.2). */
class IdentifierTest {

  static final String TENANT = "8f1c1b6e-2f7a-4a53-9d6c-0b1e5f0c7a11";
  static final String RESOURCE = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
  static final String USER = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String ACCOUNT = "22222222-bbbb-4ccc-8ddd-000000000002";

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  @Test
  void everyRawIdPrefix_parsesToItsType_andBack() {
    assertRoundTrip("4:+14255550123", new Identifier.Phone("+14255550123"));
    assertRoundTrip(
        "8:acs:" + RESOURCE + "_0000001a-2b3c",
        new Identifier.CommunicationUser("8:acs:" + RESOURCE + "_0000001a-2b3c"));
    assertRoundTrip("8:spool:abc", new Identifier.CommunicationUser("8:spool:abc"));
    assertRoundTrip("8:orgid:" + USER, new Identifier.TeamsUser(USER));
    assertRoundTrip("28:orgid:" + ACCOUNT, new Identifier.TeamsApp(ACCOUNT));
    assertRoundTrip(
        "8:acs:" + RESOURCE + "_" + TENANT + "_" + USER,
        new Identifier.TeamsExtensionUser(USER, TENANT, RESOURCE));
    assertRoundTrip("8:teamsvisitor:xyz", new Identifier.Unknown("8:teamsvisitor:xyz"));
  }

  private static void assertRoundTrip(String rawId, Identifier expected) {
    Identifier parsed = Identifier.fromRawId(rawId);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.rawId()).isEqualTo(rawId);
    assertThat(Identifier.fromJson(parsed.toJson())).isEqualTo(expected);
    assertThat(parsed.toJson().path("rawId").asString()).isEqualTo(rawId);
  }

  @Test
  void toJson_writesKindRawIdAndTheTypedMember() {
    JsonNode agent = new Identifier.TeamsExtensionUser(USER, TENANT, RESOURCE).toJson();
    assertThat(agent.path("kind").asString()).isEqualTo("teamsExtensionUser");
    assertThat(agent.path("teamsExtensionUser").path("userId").asString()).isEqualTo(USER);
    assertThat(agent.path("teamsExtensionUser").path("tenantId").asString()).isEqualTo(TENANT);
    assertThat(agent.path("teamsExtensionUser").path("resourceId").asString()).isEqualTo(RESOURCE);

    JsonNode phone = new Identifier.Phone("+14255550123").toJson();
    assertThat(phone.toString())
        .isEqualTo(
            "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}");
    assertThat(
            new Identifier.TeamsApp(ACCOUNT)
                .toJson()
                .path("microsoftTeamsApp")
                .path("appId")
                .asString())
        .isEqualTo(ACCOUNT);
    assertThat(new Identifier.Unknown("x:y").toJson().toString())
        .isEqualTo("{\"kind\":\"unknown\",\"rawId\":\"x:y\"}");
  }

  @Test
  void fromJson_readsTheModelsAcsSends() {
    assertThat(
            Identifier.fromJson(
                json(
                    "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+12065551212\",\"phoneNumber\":{\"value\":\"+12065551212\"}}")))
        .isEqualTo(new Identifier.Phone("+12065551212"));
    assertThat(
            Identifier.fromJson(
                json(
                    "{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:orgid:"
                        + USER
                        + "\",\"microsoftTeamsUser\":{\"userId\":\""
                        + USER
                        + "\",\"isAnonymous\":false,\"cloud\":\"public\"}}")))
        .isEqualTo(new Identifier.TeamsUser(USER));
    assertThat(
            Identifier.fromJson(
                json(
                    "{\"kind\":\"teamsExtensionUser\",\"rawId\":\"8:acs:"
                        + RESOURCE
                        + "_"
                        + TENANT
                        + "_"
                        + USER
                        + "\",\"teamsExtensionUser\":{\"userId\":\""
                        + USER
                        + "\",\"tenantId\":\""
                        + TENANT
                        + "\"}}")))
        .as("resourceId is optional in the model; the raw id carries it")
        .isEqualTo(new Identifier.TeamsExtensionUser(USER, TENANT, RESOURCE));
    assertThat(Identifier.fromJson(json("{\"communicationUser\":{\"id\":\"8:acs:r_u\"}}")))
        .as("no kind: the typed member says which")
        .isEqualTo(new Identifier.CommunicationUser("8:acs:r_u"));
  }

  @Test
  void theTpeResourceAccountForm_kindUnknownWith28orgid_isATeamsApp() {
    Identifier to =
        Identifier.fromJson(json("{\"kind\":\"unknown\",\"rawId\":\"28:orgid:" + ACCOUNT + "\"}"));

    assertThat(to).isEqualTo(new Identifier.TeamsApp(ACCOUNT));
    assertThat(to.rawId()).isEqualTo("28:orgid:" + ACCOUNT);
    assertThat(Identifier.fromJson(json("{\"kind\":\"unknown\",\"rawId\":\"99:what\"}")))
        .isEqualTo(new Identifier.Unknown("99:what"));
  }

  @Test
  void malformedModels_areRefused() {
    assertThatThrownBy(() -> Identifier.fromJson(json("{\"kind\":\"unknown\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rawId");
    assertThatThrownBy(
            () -> Identifier.fromJson(json("{\"kind\":\"phoneNumber\",\"phoneNumber\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phoneNumber.value");
    assertThatThrownBy(
            () ->
                Identifier.fromJson(
                    json(
                        "{\"kind\":\"teamsExtensionUser\",\"teamsExtensionUser\":{\"userId\":\"u\",\"tenantId\":\"t\"}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resourceId");
    assertThatThrownBy(() -> Identifier.fromJson(json("[]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Identifier.fromRawId(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tones_mapBetweenKeysAndWireNames() {
    assertThat(Tone.fromKey('#')).isEqualTo(Tone.POUND);
    assertThat(Tone.fromKey('*').wire()).isEqualTo("asterisk");
    assertThat(Tone.fromWire("seven").key()).isEqualTo('7');
    assertThat(Tone.fromKey('b')).isEqualTo(Tone.B);
    for (Tone tone : Tone.values()) {
      assertThat(Tone.fromWire(tone.wire())).isEqualTo(tone);
      assertThat(Tone.fromKey(tone.key())).isEqualTo(tone);
    }
    assertThatThrownBy(() -> Tone.fromKey('x')).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tone.fromWire("ten")).isInstanceOf(IllegalArgumentException.class);
  }
}
