package io.tandem.core.agent;

/** Not-ready reasons the system itself sets; agents and supervisors may use any other text. */
public final class NotReadyReason {

  /** Just logged in, not yet ready. */
  public static final String LOGGED_IN = "logged-in";

  /** Did not answer an offer before its deadline (RONA: redirect on no answer). */
  public static final String NO_ANSWER = "no-answer";

  /** Declined an offer. */
  public static final String DECLINED = "declined";

  private NotReadyReason() {}
}
