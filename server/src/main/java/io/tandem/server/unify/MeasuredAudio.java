package io.tandem.server.unify;

import io.tandem.acs.streams.MediaSink;
import io.tandem.acs.streams.StreamFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the audio ACS streams for the Unify channel's calls goes today: it is accepted and measured
 * (the stream endpoint keeps per-connection statistics and the {@code tandem.acs.stream.*} meters)
 * and its start and end are logged; no AI consumer reads the audio yet.
 */
final class MeasuredAudio implements MediaSink {

  private static final Logger LOG = LoggerFactory.getLogger(MeasuredAudio.class);

  @Override
  public void opened(String callConnectionId, StreamFrame.AudioMetadata metadata) {
    LOG.debug(
        "audio of {}: {} {} Hz, {} channel(s)",
        callConnectionId,
        metadata.encoding(),
        metadata.sampleRate(),
        metadata.channels());
  }

  @Override
  public void audio(String callConnectionId, StreamFrame.AudioData frame) {
    // Counted by the endpoint; no consumer yet.
  }

  @Override
  public void dtmf(String callConnectionId, String tone) {
    LOG.debug("DTMF {} in the audio of {}", tone, callConnectionId);
  }

  @Override
  public void closed(String callConnectionId) {
    LOG.debug("audio of {} closed", callConnectionId);
  }
}
