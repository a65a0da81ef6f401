package io.tandem.server.prompts;

import java.util.regex.Pattern;

/**
 * The names a prompt may have: a letter or digit, then up to 99 letters, digits, {@code -} and
 * {@code _}. No dots and no slashes, so a name can never leave the prompt directory.
 */
final class PromptNames {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final Pattern SPEECH_ID = Pattern.compile("[0-9a-f]{64}");

  private PromptNames() {}

  static boolean isSafe(String name) {
    return SAFE.matcher(name).matches();
  }

  /** Whether {@code id} is a rendered text's id (a hex SHA-256). */
  static boolean isSpeechId(String id) {
    return SPEECH_ID.matcher(id).matches();
  }
}
