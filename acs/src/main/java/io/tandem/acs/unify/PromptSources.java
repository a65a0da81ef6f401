package io.tandem.acs.unify;

import io.tandem.core.flow.Prompt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where ACS fetches the audio of a prompt: Tandem serves every prompt (recorded files, rendered
 * text) as a WAV file at a URI the service can reach.
 */
public interface PromptSources {

  /** The WAV of {@code prompt}, spoken in {@code language} (null: the default) if it is text. */
  URI uriOf(Prompt prompt, @Nullable String language);

  /**
   * What a waiting caller hears about their place: the prompts of the announcement, in order; the
   * position is left out below 1, the expected wait when null.
   */
  List<URI> announcement(int position, @Nullable Duration expectedWait);
}
