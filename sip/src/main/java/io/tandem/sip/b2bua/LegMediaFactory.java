package io.tandem.sip.b2bua;

/** Opens the RTP side of legs. */
interface LegMediaFactory {

  /** The media of a leg answering {@code offer}; throws when the offer cannot be taken. */
  LegMedia answer(String offer) throws MediaRefusedException;

  /** The media of a leg Tandem offers (the agent leg); throws when no RTP port is free. */
  LegMedia offer() throws MediaRefusedException;
}
