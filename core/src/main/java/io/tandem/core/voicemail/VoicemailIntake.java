package io.tandem.core.voicemail;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Where a channel hands a finished voicemail recording of one tenant: {@link #take} keeps it in the
 * store when it is long enough, and {@link Outcome#ending} is the tenant command that ends the
 * interaction {@code voicemail} with or without a message. Channels that recorded nothing (the
 * caller hung up before the recording started, the recording failed) call {@link #nothing}.
 *
 * <p>Threading: thread-safe; {@link #take} blocks on the store.
 */
public final class VoicemailIntake {

  private static final System.Logger LOG = System.getLogger(VoicemailIntake.class.getName());

  /**
   * What became of a recording.
   *
   * @param message the kept message, or {@code null} if there is none
   * @param length how long the recording ran (zero when nothing was recorded)
   * @param why {@code kept}, {@code too-short}, {@code unusable: …} or {@code nothing recorded}
   */
  public record Outcome(@Nullable VoicemailMessage message, Duration length, String why) {

    /** The tenant command ending {@code interaction} with this outcome. */
    public Consumer<Tenant> ending(InteractionId interaction) {
      VoicemailMessage kept = message;
      return tenant ->
          tenant.voicemailEnded(interaction, kept == null ? null : kept.id().value(), length);
    }
  }

  private final TenantId tenant;
  private final VoicemailStore store;
  private final VoicemailLimits limits;
  private final RandomGenerator random;

  public VoicemailIntake(
      TenantId tenant, VoicemailStore store, VoicemailLimits limits, RandomGenerator random) {
    this.tenant = tenant;
    this.store = store;
    this.limits = limits;
    this.random = random;
  }

  public VoicemailLimits limits() {
    return limits;
  }

  public TenantId tenant() {
    return tenant;
  }

  /**
   * Keeps {@code wav}, recorded from {@code recordedAt} on {@code interaction}'s call to {@code
   * mailbox}, as a new message if it runs at least {@link VoicemailLimits#minLength()}. A file that
   * is no WAVE is no message; a store failure propagates.
   */
  public Outcome take(
      String mailbox,
      InteractionId interaction,
      String callerNumber,
      Instant recordedAt,
      byte[] wav) {
    VoicemailAudio audio;
    try {
      audio = VoicemailAudio.ofWav(wav);
    } catch (IllegalArgumentException unusable) {
      LOG.log(
          System.Logger.Level.WARNING,
          "voicemail of {0} is no WAVE file: {1}",
          interaction,
          unusable.getMessage());
      return new Outcome(null, Duration.ZERO, "unusable: " + unusable.getMessage());
    }
    if (!limits.keeps(audio.duration())) {
      return new Outcome(null, audio.duration(), "too-short");
    }
    VoicemailMessage message =
        VoicemailMessage.recorded(
            VoicemailMessageId.random(random),
            tenant,
            mailbox,
            interaction,
            callerNumber.isBlank() ? "anonymous" : callerNumber,
            recordedAt,
            audio);
    store.save(message, wav);
    return new Outcome(message, audio.duration(), "kept");
  }

  /** Nothing was recorded. */
  public static Outcome nothing() {
    return new Outcome(null, Duration.ZERO, "nothing recorded");
  }
}
