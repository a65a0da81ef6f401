package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;

/**
 * ACS refused a request, or could not be reached after retries: the HTTP status (0 when no reply
 * came), ACS's {@code error.code}, {@code message} and {@code target} (the field at fault), the
 * {@code x-ms-client-request-id} this client sent and the {@code MS-CV} ACS answered with (what
 * Microsoft support asks for). The message never holds the access key or a token.
 */
public final class AcsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String errorMessage;
  private final @Nullable String target;
  private final @Nullable String clientRequestId;
  private final @Nullable String msCv;

  public AcsException(
      int status,
      String code,
      String errorMessage,
      @Nullable String target,
      @Nullable String clientRequestId,
      @Nullable String msCv) {
    super(describe(status, code, errorMessage, target, clientRequestId, msCv));
    this.status = status;
    this.code = code;
    this.errorMessage = errorMessage;
    this.target = target;
    this.clientRequestId = clientRequestId;
    this.msCv = msCv;
  }

  private static String describe(
      int status,
      String code,
      String message,
      @Nullable String target,
      @Nullable String clientRequestId,
      @Nullable String msCv) {
    StringBuilder text = new StringBuilder("ACS ").append(status).append(' ').append(code);
    text.append(": ").append(message);
    if (target != null) {
      text.append(" (target ").append(target).append(')');
    }
    if (clientRequestId != null) {
      text.append(" [x-ms-client-request-id ").append(clientRequestId);
      text.append(msCv == null ? "" : ", MS-CV " + msCv).append(']');
    }
    return text.toString();
  }

  /** The HTTP status; 0 when ACS could not be reached. */
  public int status() {
    return status;
  }

  /** ACS's error code ({@code 7509}, {@code BadRequest}, {@code NotFound} …). */
  public String code() {
    return code;
  }

  /** ACS's error message alone. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The request field ACS names as at fault, if any. */
  public @Nullable String target() {
    return target;
  }

  /** The {@code x-ms-client-request-id} this client sent. */
  public @Nullable String clientRequestId() {
    return clientRequestId;
  }

  /** The {@code MS-CV} correlation vector ACS answered with. */
  public @Nullable String msCv() {
    return msCv;
  }

  /** Whether trying again later may succeed: ACS unreachable, 408, 429 or a 5xx. */
  public boolean retriable() {
    return status == 0
        ? code.equals("Unreachable")
        : status == 408 || status == 429 || status >= 500;
  }
}
