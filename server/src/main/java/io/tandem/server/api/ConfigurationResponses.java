package io.tandem.server.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers the configuration CRUD endpoints share. */
final class ConfigurationResponses {

  private ConfigurationResponses() {}

  /** 201 with {@code body} when the object was created, 200 when it was replaced. */
  static <T> ResponseEntity<T> put(boolean created, T body) {
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
  }

  /** 204 when the object was deleted; 404 naming it when there was none. */
  static ResponseEntity<Void> deleted(boolean existed, String what) {
    if (!existed) {
      throw ApiException.notFound("no " + what);
    }
    return ResponseEntity.noContent().build();
  }

  /** {@code value}, or 404 naming {@code what} when it is null. */
  static <T> T found(@org.jspecify.annotations.Nullable T value, String what) {
    if (value == null) {
      throw ApiException.notFound("no " + what);
    }
    return value;
  }
}
