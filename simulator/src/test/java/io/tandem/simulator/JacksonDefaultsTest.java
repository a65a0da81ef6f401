package io.tandem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What Jackson 3 does by default, and why scenario files check their keys themselves. */
class JacksonDefaultsTest {

  record Step(double perHour) {}

  @Test
  void jackson3_ignoresUnknownPropertiesByDefault_soFieldsChecksKeysItself() throws Exception {
    YAMLMapper yaml = YAMLMapper.builder().build();

    assertThat(yaml.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(yaml.readValue("perHour: 3\nperhour: 4\n", Step.class).perHour()).isEqualTo(3);
  }
}
