package io.tandem.core.flow.internal;

import io.tandem.core.flow.Prompt;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules for the kinds of field that several node kinds share (prompts, timeouts, retry counts,
 * attribute names, languages, priorities), each adding a problem for its node and field when
 * broken.
 */
public final class FieldRules {

  /** The lowest interaction priority. */
  public static final int MIN_PRIORITY = 0;

  /** The highest interaction priority, served first. */
  public static final int MAX_PRIORITY = 100;

  private static final Pattern PROMPT_LANGUAGE =
      Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern ROUTING_LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

  private final String node;
  private final Problems problems;

  /** Rules reporting their problems at {@code node}. */
  public FieldRules(String node, Problems problems) {
    this.node = node;
    this.problems = problems;
  }

  /** Reports a problem at {@code field}. */
  public void problem(String field, String message) {
    problems.add(node, field, message);
  }

  /** Whether {@code value} is filled in, reporting {@code field} as missing if not. */
  public boolean required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problem(field, "missing " + field);
      return false;
    }
    return true;
  }

  /** A prompt the node cannot do without. */
  public void requiredPrompt(String field, @Nullable Prompt prompt) {
    if (prompt == null) {
      problem(field, "missing " + field);
    } else {
      optionalPrompt(field, prompt);
    }
  }

  /** A prompt the node may leave out; when present it must be complete. */
  public void optionalPrompt(String field, @Nullable Prompt prompt) {
    switch (prompt) {
      case null -> {}
      case Prompt.File file -> required(field + ".uri", file.uri());
      case Prompt.Text text -> {
        if (required(field + ".text", text.text())) {
          placeholders(field + ".text", text.text());
        }
        if (text.language() != null && !PROMPT_LANGUAGE.matcher(text.language()).matches()) {
          problem(
              field + ".language",
              "'" + text.language() + "' is not a language tag such as 'en' or 'de-CH'");
        }
      }
    }
  }

  /** Reports every malformed {@code ${attribute}} placeholder in {@code template}. */
  public void placeholders(String field, String template) {
    for (String message : Placeholders.problems(template)) {
      problem(field, message);
    }
  }

  /** A positive duration the node cannot do without. */
  public void positiveDuration(String field, @Nullable Duration duration) {
    if (duration == null) {
      problem(field, "missing " + field);
    } else if (duration.isNegative() || duration.isZero()) {
      problem(field, field + " must be positive, got " + duration);
    }
  }

  /** A retry count: 0 or more. */
  public void retries(String field, int retries) {
    if (retries < 0) {
      problem(field, field + " must be 0 or more, got " + retries);
    }
  }

  /** The name of an attribute the node reads or writes. */
  public void attributeName(String field, @Nullable String name) {
    if (required(field, name) && !Placeholders.isAttributeName(name)) {
      problem(
          field,
          "'" + name + "' is not an attribute name: expected " + Placeholders.attributeNameRule());
    }
  }

  /** A priority that may be left out; when present 0-100. */
  public void optionalPriority(String field, @Nullable Integer priority) {
    if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
      problem(field, field + " must be " + MIN_PRIORITY + "-" + MAX_PRIORITY + ", got " + priority);
    }
  }

  /** A language routing uses, lower-case as agents' languages are; may be left out. */
  public void optionalRoutingLanguage(String field, @Nullable String language) {
    if (language != null && !ROUTING_LANGUAGE.matcher(language).matches()) {
      problem(field, "'" + language + "' is not a lower-case language tag such as 'de' or 'pt-br'");
    }
  }
}
