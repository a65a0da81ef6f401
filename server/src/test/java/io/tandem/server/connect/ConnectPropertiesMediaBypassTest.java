package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.sip.trunk.DirectRoutingTrunk;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code tandem.sip.direct-routing[i].media-bypass} bound as Spring binds it. */
class ConnectPropertiesMediaBypassTest {

  @Test
  void mediaBypass_isOffByDefault_andOnWhenSet() {
    ConnectProperties properties =
        bind(
            Map.of(
                "tandem.sip.direct-routing[0].tenant", "contoso",
                "tandem.sip.direct-routing[0].sbc-fqdn", "sbc.contoso.example",
                "tandem.sip.direct-routing[1].tenant", "fabrikam",
                "tandem.sip.direct-routing[1].sbc-fqdn", "sbc.fabrikam.example",
                "tandem.sip.direct-routing[1].media-bypass", "true"));

    assertThat(properties.directRoutingTrunks())
        .extracting(DirectRoutingTrunk::mediaBypass)
        .containsExactly(false, true);
  }

  private static ConnectProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("tandem.sip", ConnectProperties.class);
  }
}
