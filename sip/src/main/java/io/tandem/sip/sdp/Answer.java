package io.tandem.sip.sdp;

/**
 * Tandem's answer to an offer: the description to send in the 200 OK and what it settled.
 *
 * @param description the answer SDP
 * @param media the settled codec, far end, telephone-event type, direction and ptime
 */
public record Answer(SessionDescription description, NegotiatedMedia media) {

  /** The answer as SDP text for the response body. */
  public String text() {
    return description.format();
  }
}
