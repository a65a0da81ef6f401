package io.tandem.acs.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** What to play: an audio file (WAV or MP3) by URL, text to speak, or SSML. */
public sealed interface PlaySource {

  /** An audio file ACS fetches from {@code uri}; {@code cacheId} lets ACS reuse its copy. */
  record File(URI uri, @Nullable String cacheId) implements PlaySource {
    public File {
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("a play source file needs an absolute URL");
      }
    }
  }

  /** Text spoken by ACS's text-to-speech in {@code locale} with {@code voiceName}. */
  record Text(String text, @Nullable String locale, @Nullable String voiceName)
      implements PlaySource {
    public Text {
      if (text.isBlank()) {
        throw new IllegalArgumentException("a text play source needs text");
      }
    }
  }

  /** An SSML document. */
  record Ssml(String ssml) implements PlaySource {
    public Ssml {
      if (ssml.isBlank()) {
        throw new IllegalArgumentException("an SSML play source needs SSML");
      }
    }
  }
}
