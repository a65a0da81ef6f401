package io.tandem.server.unify.streams;

import io.tandem.acs.streams.MediaSink;
import io.tandem.acs.streams.StreamFrame;
import io.tandem.acs.streams.TranscriptSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transcript and media sink that records what reached it: every call but audio as a line, audio
 * as a count per call connection (50 frames a second would swamp a list). Throws on a segment whose
 * text is {@code "explode"}, to show that a failing sink does not end the stream.
 */
final class RecordingStreamSink implements TranscriptSink, MediaSink {

  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<StreamFrame.TranscriptionData> segments = new CopyOnWriteArrayList<>();
  final AtomicLong audioFrames = new AtomicLong();

  @Override
  public void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata) {
    calls.add("metadata " + callConnectionId + " " + metadata.locale());
  }

  @Override
  public void segment(String callConnectionId, StreamFrame.TranscriptionData data) {
    if (data.text().equals("explode")) {
      throw new IllegalStateException("the sink failed on purpose");
    }
    segments.add(data);
    calls.add("segment " + callConnectionId + " " + data.status() + " " + data.text());
  }

  @Override
  public void opened(String callConnectionId, StreamFrame.AudioMetadata metadata) {
    calls.add("opened " + callConnectionId + " " + metadata.sampleRate());
  }

  @Override
  public void audio(String callConnectionId, StreamFrame.AudioData frame) {
    audioFrames.incrementAndGet();
  }

  @Override
  public void dtmf(String callConnectionId, String tone) {
    calls.add("dtmf " + callConnectionId + " " + tone);
  }

  @Override
  public void closed(String callConnectionId) {
    calls.add("closed " + callConnectionId);
  }

  long count(String prefix) {
    return calls.stream().filter(line -> line.startsWith(prefix)).count();
  }
}
