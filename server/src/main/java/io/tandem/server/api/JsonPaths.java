package io.tandem.server.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field a Jackson parse error is about as a JSON path ({@code stages[1].after}), and says
 * what is wrong with it in one sentence without Jackson's internals (class names, source excerpts).
 */
final class JsonPaths {

  private JsonPaths() {}

  /** The path of the field at fault, or {@code null} if the error is not about one field. */
  static @Nullable String of(JacksonException e) {
    List<JacksonException.Reference> path = e.getPath();
    if (path.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  /** One sentence on what is wrong. */
  static String describe(JacksonException e) {
    String field = of(e);
    return switch (e) {
      case UnrecognizedPropertyException unknown ->
          "unknown field '" + field + "'" + known(unknown);
      case InvalidFormatException format ->
          "'" + format.getValue() + "' is not a valid value for '" + field + "'";
      case MismatchedInputException mismatch when field != null ->
          "'" + field + "' has the wrong type or is missing";
      default ->
          field == null
              ? "the request body is not valid JSON (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")"
              : "'" + field + "' is not valid";
    };
  }

  private static String known(UnrecognizedPropertyException e) {
    if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
      return "";
    }
    return "; known fields: "
        + String.join(
            ", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
  }
}
