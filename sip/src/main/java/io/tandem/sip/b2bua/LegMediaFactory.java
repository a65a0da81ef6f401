package io.tandem.sip.b2bua;

import io.tandem.sip.sdp.SrtpMode;

/** Opens the RTP side of legs, each as its trunk's {@link SrtpMode} says. */
interface LegMediaFactory {

  /** The media of a leg answering {@code offer}; throws when the offer cannot be taken. */
  LegMedia answer(String offer, SrtpMode srtp) throws MediaRefusedException;

  /** The media of a leg Tandem offers (the agent leg); throws when no RTP port is free. */
  LegMedia offer(SrtpMode srtp) throws MediaRefusedException;
}
