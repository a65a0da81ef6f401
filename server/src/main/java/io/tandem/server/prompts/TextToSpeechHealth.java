package io.tandem.server.prompts;

import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code textToSpeech} health component: {@code UP} when the engine runs ({@link
 * TextToSpeech#check}, one short subprocess per health request), {@code UNKNOWN} with the reason
 * when it cannot. Not {@code DOWN}: recorded prompts and everything else still work, so a missing
 * engine must not take the server out of a load balancer; the overall status stays {@code UP}.
 */
final class TextToSpeechHealth implements HealthIndicator {

  private final TextToSpeech speech;

  TextToSpeechHealth(TextToSpeech speech) {
    this.speech = speech;
  }

  @Override
  public Health health() {
    try {
      speech.check();
      return Health.up().withDetail("engine", speech.engine()).build();
    } catch (SpeechException e) {
      return Health.unknown()
          .withDetail("engine", speech.engine())
          .withDetail("reason", e.reason().name())
          .withDetail("error", e.getMessage())
          .build();
    }
  }
}
