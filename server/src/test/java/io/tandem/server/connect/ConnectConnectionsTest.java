package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.sip.stack.ConnectionLimits;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code tandem.sip.connections.*} bound as Spring binds them, and refused when unusable. */
class ConnectConnectionsTest {

  @Test
  void defaults_areTheStacksDefaults() {
    ConnectProperties properties = bind(Map.of("tandem.sip.enabled", "true"));

    assertThat(properties.connections().limits()).isEqualTo(ConnectionLimits.DEFAULTS);
  }

  @Test
  void setValues_becomeTheLimits() {
    ConnectProperties properties =
        bind(
            Map.of(
                "tandem.sip.enabled", "true",
                "tandem.sip.connections.write-timeout", "5s",
                "tandem.sip.connections.write-queue", "256KB",
                "tandem.sip.connections.idle-timeout", "0s"));

    assertThat(properties.connections().limits())
        .isEqualTo(new ConnectionLimits(Duration.ofSeconds(5), 256 * 1024, Duration.ZERO));
  }

  @Test
  void unusableValues_stopTheStart_eachNamed() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "tandem.sip.enabled", "true",
                        "tandem.sip.connections.write-timeout", "0s",
                        "tandem.sip.connections.write-queue", "1KB",
                        "tandem.sip.connections.idle-timeout", "-1s")))
        .rootCause()
        .asInstanceOf(InstanceOfAssertFactories.THROWABLE)
        .hasMessageContaining("3 problems")
        .hasMessageContaining("tandem.sip.connections.write-timeout must be positive")
        .hasMessageContaining("tandem.sip.connections.write-queue must be 64KB to 2GB")
        .hasMessageContaining("tandem.sip.connections.idle-timeout must not be negative");
  }

  private static ConnectProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("tandem.sip", ConnectProperties.class);
  }
}
