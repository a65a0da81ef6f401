package io.tandem.server.agentapp;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent app's settings (see server/README.md, "Agent app"). */
@Configuration(proxyBeanMethods = false)
class AgentAppConfiguration {

  @Bean
  NotReadyReasons notReadyReasons(
      @Value("${tandem.agent-app.not-ready-reasons:break,lunch,meeting,training}")
          List<String> reasons) {
    return new NotReadyReasons(reasons);
  }
}
