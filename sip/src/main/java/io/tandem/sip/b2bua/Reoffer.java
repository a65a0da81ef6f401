package io.tandem.sip.b2bua;

/**
 * A leg's answer to a new offer in an established dialog (a re-INVITE).
 *
 * @param answerSdp Tandem's SDP answer, its direction mirroring the offer's
 * @param hold whether the offer puts Tandem on hold (sendonly or inactive audio, or {@code
 *     c=0.0.0.0})
 */
record Reoffer(String answerSdp, boolean hold) {}
