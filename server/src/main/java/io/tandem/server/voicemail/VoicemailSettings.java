package io.tandem.server.voicemail;

import io.tandem.core.voicemail.VoicemailLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.voicemail.*} configuration keys; each is documented, with its default, in
 * {@code server/README.md}.
 *
 * @param maxLength where every channel stops recording a message
 * @param minLength a recording shorter than this is no message (the call still ends voicemail)
 */
@ConfigurationProperties("tandem.voicemail")
public record VoicemailSettings(
    @DefaultValue("120s") Duration maxLength, @DefaultValue("1s") Duration minLength) {

  public VoicemailSettings {
    if (!maxLength.isPositive() || minLength.isNegative() || minLength.compareTo(maxLength) > 0) {
      throw new IllegalArgumentException(
          "tandem.voicemail.max-length must be positive and tandem.voicemail.min-length between 0"
              + " and it: "
              + maxLength
              + ", "
              + minLength);
    }
  }

  public VoicemailLimits limits() {
    return new VoicemailLimits(maxLength, minLength);
  }
}
