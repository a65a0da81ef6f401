package io.tandem.acs.client;

/** What a recognize listens for ({@code recognizeInputType}). */
public enum RecognizeInput {
  DTMF("dtmf"),
  SPEECH("speech"),
  SPEECH_OR_DTMF("speechOrDtmf"),
  CHOICES("choices");

  private final String wire;

  RecognizeInput(String wire) {
    this.wire = wire;
  }

  /** The wire value, e.g. {@code speechOrDtmf}. */
  public String wire() {
    return wire;
  }
}
