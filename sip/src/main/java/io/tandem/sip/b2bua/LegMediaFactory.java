package io.tandem.sip.b2bua;

import io.tandem.sip.sdp.SrtpMode;

/**
 * Opens the RTP side of legs, each as its trunk's {@link SrtpMode} says, and as an ICE-lite agent
 * when its Direct Routing trunk has media bypass.
 */
interface LegMediaFactory {

  /** The media of a leg answering {@code offer}; throws when the offer cannot be taken. */
  default LegMedia answer(String offer, SrtpMode srtp) throws MediaRefusedException {
    return answer(offer, srtp, false);
  }

  /** The media of a leg Tandem offers (the agent leg); throws when no RTP port is free. */
  default LegMedia offer(SrtpMode srtp) throws MediaRefusedException {
    return offer(srtp, false);
  }

  /** Like {@link #answer(String, SrtpMode)}, answering connectivity checks when {@code iceLite}. */
  LegMedia answer(String offer, SrtpMode srtp, boolean iceLite) throws MediaRefusedException;

  /** Like {@link #offer(SrtpMode)}, answering connectivity checks when {@code iceLite}. */
  LegMedia offer(SrtpMode srtp, boolean iceLite) throws MediaRefusedException;
}
